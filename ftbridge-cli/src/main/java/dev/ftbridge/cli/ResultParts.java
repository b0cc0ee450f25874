package dev.ftbridge.cli;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which part of a fan-out a result is about. The terminal result of an {@code ACCEPTED}
 * part (the sync a heal with {@code sync_after_fix} started) comes later from the
 * bridge's pending operation, which names the connection but not the part: it is the part
 * whose {@code ACCEPTED} result named that connection.
 */
final class ResultParts {

	private final Map<String, JsonNode> accepted = new HashMap<>();

	/** Remembers the part an {@code ACCEPTED} result is about, by its connection. */
	void accepted(JsonNode data) {
		String key = key(data);
		if (data.has("part") && key != null) {
			this.accepted.put(key, data.get("part"));
		}
	}

	/** The result with its part: its own, else the one its connection was accepted as. */
	JsonNode withPart(JsonNode data) {
		String key = key(data);
		JsonNode part = (key != null) ? this.accepted.get(key) : null;
		if (data.has("part") || part == null || !data.isObject()) {
			return data;
		}
		ObjectNode copy = ((ObjectNode) data).deepCopy();
		copy.set("part", part);
		return copy;
	}

	private static String key(JsonNode data) {
		String connection = data.path("connection_id").asString(null);
		return (connection != null) ? data.path("command_id").asString("") + "/" + connection : null;
	}

}
