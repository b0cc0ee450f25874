package dev.ftbridge.sandbox;

import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a connection as Fivetran's connection details do
 * (https://fivetran.com/docs/rest-api/interactive-api-reference), with secret-looking
 * config fields masked.
 */
final class ConnectionJson {

	private ConnectionJson() {
	}

	static ObjectNode details(SandboxConnection connection) {
		ObjectNode json = Json.object()
			.put("id", connection.id)
			.put("group_id", connection.groupId)
			.put("service", connection.service)
			.put("service_version", 1)
			.put("schema", connection.schema)
			.put("connected_by", "sandbox_user")
			.put("created_at", Json.timestamp(connection.createdAt))
			.put("succeeded_at", Json.timestamp(connection.succeededAt))
			.put("failed_at", Json.timestamp(connection.failedAt))
			.put("paused", connection.paused)
			.put("pause_after_trial", connection.pauseAfterTrial)
			.put("sync_frequency", connection.syncFrequency)
			.put("schedule_type", connection.scheduleType)
			.put("data_delay_sensitivity", connection.dataDelaySensitivity)
			.put("data_delay_threshold", 0)
			.put("networking_method", "Directly");
		if (connection.dailySyncTime != null) {
			json.put("daily_sync_time", connection.dailySyncTime);
		}
		json.set("status", status(connection));
		json.set("setup_tests", connection.setupTests.deepCopy());
		json.putObject("source_sync_details");
		json.set("config", Json.masked(connection.config));
		return json;
	}

	private static ObjectNode status(SandboxConnection connection) {
		ObjectNode status = Json.object()
			.put("setup_state", connection.setupState)
			.put("sync_state", connection.syncState())
			.put("update_state", "on_schedule")
			.put("is_historical_sync", connection.historicalSync)
			.put("rescheduled_for", Json.timestamp(connection.rescheduledFor));
		status.set("tasks", connection.allTasks());
		status.set("warnings", connection.warnings.deepCopy());
		return status;
	}

}
