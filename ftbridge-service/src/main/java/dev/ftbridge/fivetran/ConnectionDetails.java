package dev.ftbridge.fivetran;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What the bridge reads of a connection: the {@code data} of {@code GET
 * /v1/connections/{id}}, of a setup test, or an item of {@code GET
 * /v1/groups/{id}/connections} ({@code ConnectorResponse} in Fivetran's OpenAPI
 * definition). Text fields that are missing or empty are {@code null}; timestamps are
 * read by {@link FivetranTime}.
 *
 * @param id the connection id
 * @param groupId {@code group_id}
 * @param service the connector type
 * @param schema the destination schema name
 * @param paused whether the connection is paused, or {@code null} when not said
 * @param scheduleType {@code auto} or {@code manual}
 * @param syncFrequency minutes between syncs, or {@code null}
 * @param succeededAt the last successful sync
 * @param failedAt the last failed sync
 * @param status the {@code status} object
 * @param setupTests the {@code setup_tests} (after a setup test), in order
 */
public record ConnectionDetails(String id, String groupId, String service, String schema, Boolean paused,
		String scheduleType, Integer syncFrequency, Instant succeededAt, Instant failedAt, Status status,
		List<SetupTestResult> setupTests) {

	public ConnectionDetails {
		setupTests = List.copyOf(setupTests);
	}

	/** Reads a connection from Fivetran's JSON ({@code data} or a list item). */
	public static ConnectionDetails of(JsonNode data) {
		JsonNode frequency = data.path("sync_frequency");
		return new ConnectionDetails(Json.text(data, "id"), Json.text(data, "group_id"), Json.text(data, "service"),
				Json.text(data, "schema"), Json.bool(data, "paused"), Json.text(data, "schedule_type"),
				frequency.canConvertToInt() ? frequency.asInt() : null, FivetranTime.field(data, "succeeded_at"),
				FivetranTime.field(data, "failed_at"), Status.of(data.path("status")),
				SetupTestResult.listOf(data.path("setup_tests")));
	}

	/** Whether {@code status.sync_state} is {@code state}. */
	public boolean syncState(String state) {
		return state.equals(this.status.syncState());
	}

	/** Whether {@code status.setup_state} is {@code state}. */
	public boolean setupState(String state) {
		return state.equals(this.status.setupState());
	}

	/** The setup tests that failed ({@code FAILED} or {@code JOB_FAILED}), in order. */
	public List<SetupTestResult> failedSetupTests() {
		return this.setupTests.stream().filter(SetupTestResult::failed).toList();
	}

	/**
	 * A connection's {@code status} ({@code ConnectorStatusResponse}).
	 *
	 * @param setupState {@code incomplete}, {@code connected} or {@code broken}
	 * @param syncState {@code scheduled}, {@code syncing}, {@code paused} or
	 * {@code rescheduled}
	 * @param updateState {@code on_schedule} or {@code delayed}
	 * @param isHistoricalSync whether the next sync is historical, or {@code null}
	 * @param rescheduledFor when a rescheduled sync is due
	 * @param tasks what Fivetran asks a person to do, in order
	 */
	public record Status(String setupState, String syncState, String updateState, Boolean isHistoricalSync,
			Instant rescheduledFor, List<Task> tasks) {

		public Status {
			tasks = List.copyOf(tasks);
		}

		static Status of(JsonNode status) {
			List<Task> tasks = new ArrayList<>();
			status.path("tasks").forEach((task) -> tasks.add(Task.of(task)));
			return new Status(Json.text(status, "setup_state"), Json.text(status, "sync_state"),
					Json.text(status, "update_state"), Json.bool(status, "is_historical_sync"),
					FivetranTime.field(status, "rescheduled_for"), tasks);
		}

	}

	/**
	 * A task Fivetran asks a person to do.
	 *
	 * @param code its code, or {@code null}
	 * @param message its message, or {@code null}
	 */
	public record Task(String code, String message) {

		static Task of(JsonNode task) {
			return new Task(Json.text(task, "code"), Json.text(task, "message"));
		}

	}

}
