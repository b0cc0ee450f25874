package dev.ftbridge.fivetran;

import tools.jackson.databind.JsonNode;

/** Field readers for Fivetran's payloads: a missing or mistyped field is {@code null}. */
final class Json {

	private Json() {
	}

	/** A non-empty text field, or {@code null}. */
	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isString() && !value.asString().isEmpty()) ? value.asString() : null;
	}

	/** A boolean field, or {@code null}. */
	static Boolean bool(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isBoolean() ? value.asBoolean() : null;
	}

}
