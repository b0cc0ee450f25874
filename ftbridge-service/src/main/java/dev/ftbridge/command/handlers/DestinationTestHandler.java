package dev.ftbridge.command.handlers;

import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * {@code fivetran.destination.test}: {@code POST /v1/destinations/{id}/test}; succeeds
 * only when no setup test failed.
 */
@Component
class DestinationTestHandler extends SingleRequestHandler {

	DestinationTestHandler(HandlerContext context) {
		super(CommandType.DESTINATION_TEST, context, FivetranRequests.testDestination(ID, Bodies.empty()));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.testDestination(command.text("destination_id"),
				Bodies.without(command.data(), "destination_id"));
	}

	@Override
	Execution answered(Command command, Instant started, FivetranResponse response) {
		CommandResult.Builder result = Results.setupTestsFailed(command, started, response)
			.orElseGet(() -> succeeded(command, started, response));
		return Execution.of(result.build(now()));
	}

}
