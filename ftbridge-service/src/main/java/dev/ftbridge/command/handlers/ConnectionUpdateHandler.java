package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * {@code fivetran.connection.update}: one {@code PATCH} of the connection; safe to
 * repeat.
 */
@Component
class ConnectionUpdateHandler extends ConnectionChangeHandler {

	ConnectionUpdateHandler(HandlerContext context) {
		super(CommandType.CONNECTION_UPDATE, context, FivetranRequests.updateConnection(ID, Bodies.empty()));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.updateConnection(command.text("connection_id"),
				Bodies.without(command.data(), "connection_id"));
	}

}
