package dev.ftbridge.command.handlers;

import dev.ftbridge.fivetran.SetupTestResult;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
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
		List<String> failures = response.connection()
			.failedSetupTests()
			.stream()
			.map(SetupTestResult::describe)
			.toList();
		CommandResult.Builder result = succeeded(command, started, response);
		if (!failures.isEmpty()) {
			result = Results.start(command, Outcome.FAILED, started)
				.attempts(response.attempts())
				.response(Results.summary(response.data()))
				.reason("setup tests failed: " + String.join("; ", failures))
				.retryable(false);
		}
		return Execution.of(result.build(now()));
	}

}
