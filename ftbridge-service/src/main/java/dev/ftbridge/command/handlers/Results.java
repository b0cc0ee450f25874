package dev.ftbridge.command.handlers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranResponse;
import dev.ftbridge.fivetran.SetupTestResult;

/** Builds result events from Fivetran's answers, one place for every command type. */
public final class Results {

	/**
	 * Fields of Fivetran's data that may carry credentials; never copied into a result.
	 */
	private static final String[] SECRET_FIELDS = { "config", "auth", "secret" };

	private Results() {
	}

	/** A result for the command, with its resource ids and timing filled in. */
	/**
	 * {@code FAILED} naming the setup tests that failed (a connection's or a
	 * destination's), or empty when they all passed.
	 */
	static Optional<CommandResult.Builder> setupTestsFailed(Command command, Instant startedAt,
			FivetranResponse response) {
		List<String> failures = response.connection()
			.failedSetupTests()
			.stream()
			.map(SetupTestResult::describe)
			.toList();
		if (failures.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(start(command, Outcome.FAILED, startedAt).attempts(response.attempts())
			.response(summary(response.data()))
			.reason("setup tests failed: " + String.join("; ", failures))
			.retryable(false));
	}

	static CommandResult.Builder start(Command command, Outcome outcome, Instant startedAt) {
		ObjectNode data = command.data();
		return CommandResult.builder(command.id(), command.type().type(), outcome)
			.resourceId(command.type().resourceKey(data))
			.connectionId(text(data, "connection_id"))
			.groupId((text(data, "group_id") != null) ? text(data, "group_id") : text(data, "destination_id"))
			.transformationId(text(data, "transformation_id"))
			.timing(command.receivedAt(), startedAt);
	}

	/**
	 * Fivetran did it: {@code ACCEPTED} when it finishes the work later,
	 * {@code SUCCEEDED} otherwise.
	 */
	static CommandResult.Builder succeeded(Command command, Instant startedAt, FivetranResponse response,
			boolean async) {
		Outcome outcome = async ? Outcome.ACCEPTED : Outcome.SUCCEEDED;
		return start(command, outcome, startedAt).attempts(response.attempts()).response(summary(response.data()));
	}

	/** Fivetran did not do it, or the bridge cannot tell. */
	static CommandResult.Builder failed(Command command, Instant startedAt, FivetranRequest request,
			FivetranException ex) {
		boolean unknown = ex.ambiguous() && !request.idempotent();
		Outcome outcome = unknown ? Outcome.OUTCOME_UNKNOWN : Outcome.FAILED;
		String reason = unknown ? ex.getMessage() + "; not sent again because a second call could repeat the effect"
				: reason(ex);
		return start(command, outcome, startedAt).attempts(ex.attempts())
			.fivetranError(ex.httpStatus(), ex.code(), ex.getMessage())
			.reason(reason)
			.retryable(ex.retryable() && !unknown);
	}

	/**
	 * Something nobody planned for went wrong in the bridge: the command ends, named by
	 * the exception's type only (its message could quote data, even a secret).
	 */
	public static CommandResult.Builder unexpected(Command command, Instant startedAt, RuntimeException ex) {
		return start(command, Outcome.FAILED, startedAt).reason(unexpectedReason(ex)).retryable(false);
	}

	static String unexpectedReason(RuntimeException ex) {
		return "unexpected error in the bridge (" + ex.getClass().getSimpleName() + "); details are in its log";
	}

	/** Fivetran's data without the fields that could hold credentials. */
	static JsonNode summary(JsonNode data) {
		if (!data.isObject()) {
			return null;
		}
		ObjectNode copy = ((ObjectNode) data).deepCopy();
		for (String field : SECRET_FIELDS) {
			copy.remove(field);
		}
		return copy;
	}

	private static String reason(FivetranException ex) {
		if (ex instanceof FivetranException.Unauthorized) {
			return "Fivetran refused the bridge's API key and secret (401)";
		}
		if (ex instanceof FivetranException.RateLimited) {
			return "Fivetran's rate limit was reached (429)";
		}
		if (ex instanceof FivetranException.Unavailable) {
			return "Fivetran was unavailable: " + ex.getMessage();
		}
		return "Fivetran rejected the request: " + ex.getMessage();
	}

	private static String text(JsonNode data, String field) {
		return data.path(field).asString(null);
	}

}
