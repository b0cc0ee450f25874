package dev.ftbridge.operations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;

/**
 * Fivetran's timestamps as instants: compared as points in time, never as strings; a
 * missing or unreadable one is "never".
 */
final class Times {

	private Times() {
	}

	static Instant field(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? parse(value.asString()) : null;
	}

	static Instant parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Whether {@code time} is known and later than {@code than}. */
	static boolean after(Instant time, Instant than) {
		return time != null && time.isAfter(than);
	}

}
