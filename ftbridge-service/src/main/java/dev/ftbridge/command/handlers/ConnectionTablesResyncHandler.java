package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/** {@code fivetran.connection.tables.resync}: a historical resync of some tables. */
@Component
class ConnectionTablesResyncHandler extends SyncStartHandler {

	ConnectionTablesResyncHandler(HandlerContext context) {
		super(CommandType.CONNECTION_TABLES_RESYNC, context, FivetranRequests.resyncTables(ID, null));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.resyncTables(command.text("connection_id"),
				Bodies.without(command.data(), "connection_id").get("scope"));
	}

}
