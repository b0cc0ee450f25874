package dev.ftbridge.completion;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * Something Fivetran said about a sync or a transformation run (from a webhook), that can
 * finish an operation. {@code created} is Fivetran's time of the event.
 */
public sealed interface Observation permits Observation.SyncStarted, Observation.SyncEnded, Observation.RunEnded {

	/** The connection or transformation it is about. */
	String resourceId();

	/** When Fivetran says it happened. */
	Instant created();

	/**
	 * A sync started ({@code sync_start}).
	 *
	 * @param connectionId the connection
	 * @param syncId the sync
	 * @param created when it started
	 */
	record SyncStarted(String connectionId, String syncId, Instant created) implements Observation {

		@Override
		public String resourceId() {
			return this.connectionId;
		}

	}

	/**
	 * A sync ended ({@code sync_end}).
	 *
	 * @param connectionId the connection
	 * @param syncId the sync, if Fivetran sent it
	 * @param created when it ended
	 * @param status how it ended
	 * @param reason Fivetran's reason, for anything but success
	 * @param taskType the task a person must do, for {@code FAILURE_WITH_TASK}
	 * @param rescheduledFor when a rescheduled sync is due
	 * @param data the event's {@code data}, as Fivetran sent it
	 */
	record SyncEnded(String connectionId, String syncId, Instant created, SyncStatus status, String reason,
			String taskType, Instant rescheduledFor, JsonNode data) implements Observation {

		@Override
		public String resourceId() {
			return this.connectionId;
		}

	}

	/**
	 * A transformation run ended.
	 *
	 * @param transformationId the transformation
	 * @param created when it ended
	 * @param succeeded whether it succeeded
	 * @param reason Fivetran's reason for a failure, if given
	 * @param data the event's {@code data}, as Fivetran sent it
	 */
	record RunEnded(String transformationId, Instant created, boolean succeeded, String reason,
			JsonNode data) implements Observation {

		@Override
		public String resourceId() {
			return this.transformationId;
		}

	}

	/** How a sync ended ({@code data.status} of {@code sync_end}). */
	enum SyncStatus {

		SUCCESSFUL, FAILURE_WITH_TASK, FAILED, RESCHEDULED, UNKNOWN;

		/** The status for Fivetran's text; {@code UNKNOWN} for anything else. */
		public static SyncStatus of(String text) {
			for (SyncStatus status : values()) {
				if (status != UNKNOWN && status.name().equals(text)) {
					return status;
				}
			}
			return UNKNOWN;
		}

	}

}
