package dev.ftbridge.command.handlers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.ConnectionDetails;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * {@code fivetran.connection.await}: a sensor that never starts a sync. It reads the
 * connection once: a sync that already ended after {@code after} (or a success within
 * {@code max_age}) answers at once; otherwise it is {@code ACCEPTED} and its pending
 * operation completes on the next sync end, like a sync command's. Safe to repeat.
 */
@Component
class ConnectionAwaitHandler extends FivetranHandler {

	ConnectionAwaitHandler(HandlerContext context) {
		super(CommandType.CONNECTION_AWAIT, context);
	}

	@Override
	public List<FivetranRequest> requests() {
		return List.of(FivetranRequests.connectionDetails(ID));
	}

	@Override
	public boolean async() {
		return true;
	}

	@Override
	public Execution execute(Command command) {
		Instant started = now();
		FivetranRequest request = FivetranRequests.connectionDetails(command.text("connection_id"));
		try {
			return Execution.of(answered(command, started, this.fivetran.execute(request)).build(now()));
		}
		catch (FivetranException ex) {
			return failed(command, started, request, ex);
		}
	}

	private CommandResult.Builder answered(Command command, Instant started, FivetranResponse response) {
		ConnectionDetails details = response.connection();
		Instant after = AwaitTerms.after(command);
		Instant succeeded = details.succeededAt();
		Instant failed = details.failedAt();
		boolean lastFailed = failed != null && (succeeded == null || failed.isAfter(succeeded));
		if (succeeded != null && (fresh(command, succeeded) || (!lastFailed && succeeded.isAfter(after)))) {
			return Results.succeeded(command, started, response, false);
		}
		if (lastFailed && failed.isAfter(after)) {
			return Results.start(command, Outcome.FAILED, started)
				.attempts(response.attempts())
				.response(Results.summary(response.data()))
				.reason(failure(details, failed))
				.retryable(false);
		}
		return succeeded(command, started, response);
	}

	private boolean fresh(Command command, Instant succeeded) {
		Duration maxAge = AwaitTerms.maxAge(command);
		return maxAge != null && !succeeded.isBefore(now().minus(maxAge));
	}

	private static String failure(ConnectionDetails details, Instant failed) {
		List<ConnectionDetails.Task> tasks = details.status().tasks();
		if (tasks.isEmpty()) {
			return "the sync failed at " + failed;
		}
		ConnectionDetails.Task task = tasks.get(0);
		String message = (task.message() != null) ? ": " + task.message() : "";
		return "the sync failed at " + failed + "; Fivetran asks for a task: " + task.code() + message;
	}

}
