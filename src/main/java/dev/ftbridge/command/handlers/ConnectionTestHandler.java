package dev.ftbridge.command.handlers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

import dev.ftbridge.command.Command;
import dev.ftbridge.command.CommandType;
import dev.ftbridge.events.CommandResult;
import dev.ftbridge.events.Outcome;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.FivetranResponse;

/** {@code fivetran.connection.test}: setup tests; succeeds only when no test failed. */
@Component
class ConnectionTestHandler extends SingleRequestHandler {

	ConnectionTestHandler(HandlerContext context) {
		super(CommandType.CONNECTION_TEST, context, FivetranRequests.runSetupTests(ID, Bodies.empty()));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.runSetupTests(command.text("connection_id"),
				Bodies.without(command.data(), "connection_id"));
	}

	@Override
	Execution answered(Command command, Instant started, FivetranResponse response) {
		List<String> failures = new ArrayList<>();
		for (JsonNode test : response.data().path("setup_tests")) {
			String status = test.path("status").asString("");
			if (status.equals("FAILED") || status.equals("JOB_FAILED")) {
				failures.add(test.path("title").asString("?") + ": " + test.path("message").asString(""));
			}
		}
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
