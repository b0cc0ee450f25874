package dev.ftbridge.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON helpers shared by the handlers: one mapper, timestamps, field checks. */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	static final String MASK = "******";

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Pattern SECRET_NAME = Pattern
		.compile("(?i).*(password|secret|token|api_key|apikey|private_key|access_key|credential|passphrase).*");

	private Json() {
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	static ArrayNode array() {
		return MAPPER.createArrayNode();
	}

	/** Fivetran's timestamp format: UTC with milliseconds. */
	static String timestamp(Instant instant) {
		return (instant != null) ? TIMESTAMP.format(instant) : null;
	}

	/** A copy with every secret-looking string field replaced by {@code ******}. */
	static ObjectNode masked(ObjectNode config) {
		ObjectNode copy = config.deepCopy();
		mask(copy);
		return copy;
	}

	private static void mask(ObjectNode node) {
		for (String name : node.propertyNames()) {
			JsonNode value = node.get(name);
			if (value instanceof ObjectNode nested) {
				mask(nested);
			}
			else if (value.isString() && SECRET_NAME.matcher(name).matches()) {
				node.put(name, MASK);
			}
		}
	}

	/** A required string field of a request body. */
	static String requiredText(JsonNode body, String field) {
		String value = optionalText(body, field);
		if (value == null || value.isBlank()) {
			throw ApiException.invalidInput("Field '" + field + "' is required");
		}
		return value;
	}

	/** An optional string field, or null. */
	static String optionalText(JsonNode body, String field) {
		JsonNode value = (body != null) ? body.get(field) : null;
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw ApiException.invalidInput("Field '" + field + "' must be a string");
		}
		return value.asString();
	}

	/** An optional boolean field, or the fallback. */
	static boolean optionalBoolean(JsonNode body, String field, boolean fallback) {
		JsonNode value = (body != null) ? body.get(field) : null;
		if (value == null || value.isNull()) {
			return fallback;
		}
		if (!value.isBoolean()) {
			throw ApiException.invalidInput("Field '" + field + "' must be a boolean");
		}
		return value.asBoolean();
	}

	/** An optional object field, or null. */
	static ObjectNode optionalObject(JsonNode body, String field) {
		JsonNode value = (body != null) ? body.get(field) : null;
		if (value == null || value.isNull()) {
			return null;
		}
		if (!(value instanceof ObjectNode object)) {
			throw ApiException.invalidInput("Field '" + field + "' must be an object");
		}
		return object;
	}

}
