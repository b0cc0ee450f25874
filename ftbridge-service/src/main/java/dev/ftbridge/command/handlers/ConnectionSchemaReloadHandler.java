package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/** {@code fivetran.connection.schema.reload}: reads the schema from the source again. */
@Component
class ConnectionSchemaReloadHandler extends SingleRequestHandler {

	ConnectionSchemaReloadHandler(HandlerContext context) {
		super(CommandType.CONNECTION_SCHEMA_RELOAD, context, FivetranRequests.reloadSchemaConfig(ID, Bodies.empty()));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.reloadSchemaConfig(command.text("connection_id"),
				Bodies.without(command.data(), "connection_id"));
	}

}
