package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * {@code fivetran.connection.sync}: costly to repeat only with {@code force}, which
 * restarts a running sync; without it Fivetran starts one only when none runs.
 */
@Component
class ConnectionSyncHandler extends SyncStartHandler {

	ConnectionSyncHandler(HandlerContext context) {
		super(CommandType.CONNECTION_SYNC, context, FivetranRequests.syncConnection(ID, false));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.syncConnection(command.text("connection_id"), force(command));
	}

	@Override
	public boolean costlyToRepeat(Command command) {
		return force(command);
	}

	private static boolean force(Command command) {
		return command.data().path("force").asBoolean(false);
	}

}
