package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * {@code fivetran.connection.connect_card}: asks Fivetran for a Connect Card for the
 * connection. The result's {@code response.connect_card} holds the token and the URI with
 * the token in it: a secret-bearing link, published in the result and nowhere else
 * (results are never logged).
 */
@Component
class ConnectionConnectCardHandler extends SingleRequestHandler {

	ConnectionConnectCardHandler(HandlerContext context) {
		super(CommandType.CONNECTION_CONNECT_CARD, context, FivetranRequests.connectCard(ID, Bodies.empty()));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.connectCard(command.text("connection_id"),
				Bodies.without(command.data(), "connection_id"));
	}

}
