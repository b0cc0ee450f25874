package dev.ftbridge.operations;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.contract.TransformationStatusObserved;

/** Status events from what a poll read, with source {@code poll}. */
final class PolledStatuses {

	private static final String SOURCE = "poll";

	private PolledStatuses() {
	}

	static ConnectionStatusObserved connection(String connectionId, JsonNode details, String commandId,
			Instant observedAt) {
		return ConnectionStatusObserved.fromDetails(connectionId, details, SOURCE, commandId, observedAt);
	}

	static TransformationStatusObserved transformation(String transformationId, JsonNode details, Instant observedAt) {
		return new TransformationStatusObserved(transformationId, SOURCE, observedAt, null, text(details, "status"),
				null, time(details, "last_started_at"), time(details, "last_ended_at"));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isString() && !value.asString().isEmpty()) ? value.asString() : null;
	}

	/** A timestamp in the event's own form, or null when Fivetran's is unreadable. */
	private static String time(JsonNode node, String field) {
		Instant instant = Times.field(node, field);
		return (instant != null) ? instant.toString() : null;
	}

}
