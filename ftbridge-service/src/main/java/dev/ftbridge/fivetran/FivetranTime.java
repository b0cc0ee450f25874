package dev.ftbridge.fivetran;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;

/**
 * Fivetran's timestamps (ISO-8601 with an offset, e.g. {@code 2024-05-01T10:00:00.123Z}),
 * read tolerantly: a missing, blank or unreadable one is {@code null} ("never"), so a
 * malformed field never fails a command or a poll. The one place the bridge parses them.
 */
public final class FivetranTime {

	private FivetranTime() {
	}

	/** The instant of {@code text}, or {@code null} when it is missing or unreadable. */
	public static Instant parse(String text) {
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

	/** The instant of a text field of {@code node}, or {@code null}. */
	public static Instant field(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? parse(value.asString()) : null;
	}

}
