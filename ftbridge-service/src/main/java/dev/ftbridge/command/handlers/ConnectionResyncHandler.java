package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/** {@code fivetran.connection.resync}: a historical resync, of everything or a scope. */
@Component
class ConnectionResyncHandler extends SyncStartHandler {

	ConnectionResyncHandler(HandlerContext context) {
		super(CommandType.CONNECTION_RESYNC, context, FivetranRequests.resyncConnection(ID, null));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.resyncConnection(command.text("connection_id"),
				Bodies.without(command.data(), "connection_id").get("scope"));
	}

}
