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
 * {@code fivetran.connection.test}: setup tests; succeeds only when no test failed. With
 * {@code sync_after_fix}, passed tests start a sync, followed to its end like
 * {@code fivetran.connection.sync} (the first result is then {@code ACCEPTED}).
 */
@Component
class ConnectionTestHandler extends SingleRequestHandler {

	ConnectionTestHandler(HandlerContext context) {
		super(CommandType.CONNECTION_TEST, context, FivetranRequests.runSetupTests(ID, Bodies.empty()),
				FivetranRequests.syncConnection(ID, false));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.runSetupTests(command.text("connection_id"),
				Bodies.without(command.data(), "connection_id", "sync_after_fix"));
	}

	@Override
	Execution answered(Command command, Instant started, FivetranResponse response) {
		CommandResult.Builder result = Results.setupTestsFailed(command, started, response).orElse(null);
		if (result == null && SyncAfterFix.asked(command)) {
			result = SyncAfterFix.start(this.fivetran, command, started, command.text("connection_id"),
					Results.summary(response.data()), response.attempts());
		}
		if (result == null) {
			result = succeeded(command, started, response);
		}
		return Execution.of(result.build(now()));
	}

}
