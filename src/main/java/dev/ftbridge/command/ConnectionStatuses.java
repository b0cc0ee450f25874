package dev.ftbridge.command;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

import dev.ftbridge.events.ConnectionStatusObserved;

/** Reads a connection's status out of Fivetran's connection details. */
final class ConnectionStatuses {

	private ConnectionStatuses() {
	}

	static ConnectionStatusObserved fromDetails(JsonNode connection, String commandId, Instant observedAt) {
		JsonNode status = connection.path("status");
		return new ConnectionStatusObserved(text(connection, "id"), "command", observedAt, text(connection, "group_id"),
				text(connection, "service"), text(connection, "schema"), bool(connection, "paused"),
				text(connection, "schedule_type"), integer(connection, "sync_frequency"), text(status, "setup_state"),
				text(status, "sync_state"), text(status, "update_state"), bool(status, "is_historical_sync"),
				text(status, "rescheduled_for"), text(connection, "succeeded_at"), text(connection, "failed_at"),
				commandId);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

	private static Boolean bool(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isBoolean()) ? value.asBoolean() : null;
	}

	private static Integer integer(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.canConvertToInt()) ? value.asInt() : null;
	}

}
