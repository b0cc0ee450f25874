package dev.ftbridge.command;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.ftbridge.command.Rejection.Reason;

/**
 * Reads a record of the command topic as a CloudEvent, in structured mode (the whole
 * event is the value) or binary mode ({@code ce_*} headers, {@code data} as the value),
 * and validates its {@code data} against the schema of its type.
 */
class CommandReader {

	private static final String BINARY_PREFIX = "ce_";

	private final JsonMapper json;

	private final CommandSchemas schemas;

	private final int maxBytes;

	private final Clock clock;

	CommandReader(JsonMapper json, CommandSchemas schemas, int maxBytes, Clock clock) {
		this.json = json;
		this.schemas = schemas;
		this.maxBytes = maxBytes;
		this.clock = clock;
	}

	/** The command in the record, or why there is none. */
	ReadResult read(IncomingRecord record) {
		if (record.value() == null) {
			return reject(Reason.EMPTY, "the record has no value", record.header("ce_id"), record.header("ce_type"));
		}
		if (record.value().length > this.maxBytes) {
			return reject(Reason.OVERSIZED,
					"the record has " + record.value().length + " bytes; the limit is " + this.maxBytes,
					record.header("ce_id"), record.header("ce_type"));
		}
		try {
			Event event = (record.header(BINARY_PREFIX + "specversion") != null) ? binary(record) : structured(record);
			return validate(record, event);
		}
		catch (RejectedException ex) {
			return ex.result;
		}
	}

	private Event binary(IncomingRecord record) {
		String id = record.header("ce_id");
		String type = record.header("ce_type");
		String contentType = record.header("content-type");
		if (contentType != null && !isJson(contentType)) {
			throw rejected(Reason.UNSUPPORTED_CONTENT_TYPE, "content-type '" + contentType + "' is not JSON", id, type);
		}
		JsonNode data = parse(record.value(), id, type);
		return new Event(record.header("ce_specversion"), id, record.header("ce_source"), type, data);
	}

	private Event structured(IncomingRecord record) {
		JsonNode event = parse(record.value(), null, null);
		if (!event.isObject() || !event.has("specversion")) {
			throw rejected(Reason.NOT_A_CLOUDEVENT,
					"the value is JSON but not a CloudEvent (no 'specversion' and no ce_specversion header)", null,
					null);
		}
		String id = text(event, "id");
		String type = text(event, "type");
		if (event.has("data_base64")) {
			throw rejected(Reason.UNSUPPORTED_CONTENT_TYPE, "data_base64 is not supported; send JSON in 'data'", id,
					type);
		}
		String contentType = text(event, "datacontenttype");
		if (contentType != null && !isJson(contentType)) {
			throw rejected(Reason.UNSUPPORTED_CONTENT_TYPE, "datacontenttype '" + contentType + "' is not JSON", id,
					type);
		}
		return new Event(text(event, "specversion"), id, text(event, "source"), type, event.get("data"));
	}

	private ReadResult validate(IncomingRecord record, Event event) {
		if (!"1.0".equals(event.specversion())) {
			return reject(Reason.UNSUPPORTED_SPECVERSION,
					"specversion '" + event.specversion() + "' is not supported; use 1.0", event.id(), event.type());
		}
		String missing = event.firstMissingAttribute();
		if (missing != null) {
			return reject(Reason.NOT_A_CLOUDEVENT, "the required attribute '" + missing + "' is missing or empty",
					event.id(), event.type());
		}
		Optional<CommandType> type = CommandType.of(event.type());
		if (type.isEmpty()) {
			return reject(Reason.UNKNOWN_TYPE, "unknown command type '" + event.type() + "'", event.id(), event.type());
		}
		if (event.data() == null || !event.data().isObject()) {
			return reject(Reason.SCHEMA_VIOLATION, "'data' must be a JSON object", event.id(), event.type());
		}
		List<String> violations = this.schemas.violations(type.get(), event.data());
		if (!violations.isEmpty()) {
			return reject(Reason.SCHEMA_VIOLATION,
					String.join("; ", violations.subList(0, Math.min(5, violations.size()))), event.id(), event.type());
		}
		ObjectNode data = (ObjectNode) event.data();
		String key = (record.keyText() != null) ? record.keyText() : type.get().resourceKey(data);
		return new ReadResult.Accepted(
				new Command(event.id(), type.get(), event.source(), key, data, this.clock.instant()));
	}

	private JsonNode parse(byte[] value, String id, String type) {
		try {
			return this.json.readTree(value);
		}
		catch (JacksonException ex) {
			throw rejected(Reason.NOT_JSON, "the value is not JSON: " + ex.getOriginalMessage(), id, type);
		}
	}

	private static boolean isJson(String contentType) {
		String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
		return mediaType.equals("application/json") || mediaType.endsWith("+json");
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	private static ReadResult reject(Reason reason, String detail, String id, String type) {
		return new ReadResult.Rejected(new Rejection(reason, detail, id, type));
	}

	private static RejectedException rejected(Reason reason, String detail, String id, String type) {
		return new RejectedException(reject(reason, detail, id, type));
	}

	private record Event(String specversion, String id, String source, String type, JsonNode data) {

		String firstMissingAttribute() {
			if (blank(this.id)) {
				return "id";
			}
			if (blank(this.source)) {
				return "source";
			}
			return blank(this.type) ? "type" : null;
		}

		private static boolean blank(String value) {
			return value == null || value.isBlank();
		}

	}

	/** Carries a rejection out of the parsing steps. */
	private static final class RejectedException extends RuntimeException {

		private final transient ReadResult result;

		RejectedException(ReadResult result) {
			super(null, null, false, false);
			this.result = result;
		}

	}

}
