package dev.ftbridge.command.handlers;

import dev.ftbridge.completion.ConnectionStatuses;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * {@code fivetran.connection.status}: reads the connection and publishes its status with
 * the result.
 */
@Component
class ConnectionStatusHandler extends SingleRequestHandler {

	ConnectionStatusHandler(HandlerContext context) {
		super(CommandType.CONNECTION_STATUS, context, FivetranRequests.connectionDetails(ID));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.connectionDetails(command.text("connection_id"));
	}

	@Override
	Execution answered(Command command, Instant started, FivetranResponse response) {
		ConnectionStatusObserved status = ConnectionStatuses
			.observed(response.dataText("id"), response.connection(), "command", command.id(), now())
			.withAccount(command.account());
		CommandResult result = succeeded(command, started, response).groupId(status.groupId()).build(now());
		return new Execution(List.of(result), List.of(status));
	}

}
