package dev.ftbridge.sandbox;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How one sync of a connection ends, queued with {@code sandbox.script(connectionId,
 * ...)} or {@code POST /sandbox/scripts}. Each sync that starts takes the next script of
 * its connection; with none queued it succeeds (or fails with a task when the
 * connection's setup is broken). All durations are sandbox time.
 *
 * @param outcome what happens
 * @param reason the failure text ({@code data.reason}) for failures; else null
 * @param taskType the task ({@code data.taskType}) for {@code FAILURE_WITH_TASK}
 * @param delay the retry delay for {@code FAILED_THEN_SUCCESSFUL}, the time until
 * {@code rescheduled_for} for {@code RESCHEDULED}; else null
 * @param duration how long this sync runs before its (first) {@code sync_end}; null for
 * the lifecycle's {@code syncDuration}
 */
public record SyncScript(Outcome outcome, String reason, String taskType, Duration delay, Duration duration) {

	public SyncScript {
		Objects.requireNonNull(outcome, "outcome");
		if (outcome.delayed && delay == null) {
			throw new IllegalArgumentException(outcome + " needs a delay");
		}
		for (Duration value : new Duration[] { delay, duration }) {
			if (value != null && value.isNegative()) {
				throw new IllegalArgumentException("durations must not be negative, was " + value);
			}
		}
	}

	/** The sync ends {@code SUCCESSFUL}. */
	public static SyncScript successful() {
		return new SyncScript(Outcome.SUCCESSFUL, null, null, null, null);
	}

	/**
	 * The sync ends {@code FAILURE_WITH_TASK}: {@code failed_at} is set and the
	 * connection gets the task (e.g. {@code reconnect}) until a later sync succeeds.
	 */
	public static SyncScript failureWithTask(String reason, String taskType) {
		return new SyncScript(Outcome.FAILURE_WITH_TASK, reason, Objects.requireNonNull(taskType, "taskType"), null,
				null);
	}

	/**
	 * The sync ends {@code FAILED}, Fivetran retries it within the same sync, and
	 * {@code retryDelay} later a second {@code sync_end} with the same {@code sync_id}
	 * says {@code SUCCESSFUL}.
	 */
	public static SyncScript failedThenSuccessful(String reason, Duration retryDelay) {
		return new SyncScript(Outcome.FAILED_THEN_SUCCESSFUL, reason, null, retryDelay, null);
	}

	/**
	 * The sync ends {@code RESCHEDULED}: {@code sync_state} becomes {@code rescheduled}
	 * until {@code delay} from now, when an {@code auto} connection syncs again by itself
	 * and a {@code manual} one waits for {@code /sync}.
	 */
	public static SyncScript rescheduled(Duration delay) {
		return new SyncScript(Outcome.RESCHEDULED, null, null, delay, null);
	}

	/** The sync never ends (until a forced sync replaces it or the sandbox stops). */
	public static SyncScript neverEnds() {
		return new SyncScript(Outcome.NEVER_ENDS, null, null, null, null);
	}

	/**
	 * The same outcome after a sync that runs {@code duration} instead of the default.
	 */
	public SyncScript lasting(Duration duration) {
		return new SyncScript(this.outcome, this.reason, this.taskType, this.delay, duration);
	}

	/** The {@code reason}, or a default text for failures. */
	String reasonOrDefault() {
		return (this.reason != null) ? this.reason : "Sync failed as scripted in the sandbox";
	}

	ObjectNode toJson() {
		ObjectNode json = Json.object().put("outcome", this.outcome.name());
		if (this.reason != null) {
			json.put("reason", this.reason);
		}
		if (this.taskType != null) {
			json.put("taskType", this.taskType);
		}
		if (this.delay != null) {
			json.put("delay", this.delay.toString());
		}
		if (this.duration != null) {
			json.put("duration", this.duration.toString());
		}
		return json;
	}

	/**
	 * Reads
	 * {@code {"outcome": "...", "reason": "...", "taskType": "...", "delay": "PT10M",
	 * "duration": "PT1M"}}; a bad one is a 400.
	 */
	static SyncScript fromJson(JsonNode json) {
		String name = Json.requiredText(json, "outcome");
		Outcome outcome;
		try {
			outcome = Outcome.valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalidInput("Field 'outcome' must be one of " + List.of(Outcome.values()));
		}
		String taskType = Json.optionalText(json, "taskType");
		if (outcome == Outcome.FAILURE_WITH_TASK && taskType == null) {
			taskType = "reconnect";
		}
		try {
			return new SyncScript(outcome, Json.optionalText(json, "reason"), taskType, duration(json, "delay"),
					duration(json, "duration"));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalidInput(ex.getMessage());
		}
	}

	private static Duration duration(JsonNode json, String field) {
		String value = Json.optionalText(json, field);
		try {
			return (value != null) ? Duration.parse(value) : null;
		}
		catch (DateTimeParseException ex) {
			throw ApiException.invalidInput("Field '" + field + "' must be an ISO-8601 duration such as PT5M");
		}
	}

	/** The scriptable ends of a sync. */
	public enum Outcome {

		/** {@code sync_end} {@code SUCCESSFUL}; sets {@code succeeded_at}. */
		SUCCESSFUL(false),

		/**
		 * {@code sync_end} {@code FAILURE_WITH_TASK}; sets {@code failed_at} and a task.
		 */
		FAILURE_WITH_TASK(false),

		/** {@code sync_end} {@code FAILED}, then (same sync) {@code SUCCESSFUL}. */
		FAILED_THEN_SUCCESSFUL(true),

		/** {@code sync_end} {@code RESCHEDULED}; sets {@code rescheduled_for}. */
		RESCHEDULED(true),

		/** No {@code sync_end}. */
		NEVER_ENDS(false);

		private final boolean delayed;

		Outcome(boolean delayed) {
			this.delayed = delayed;
		}

	}

}
