package dev.ftbridge.contract;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.ftbridge.contract.Rejection.Reason;

/**
 * Reads a record of the command topic as a CloudEvent, in structured mode (the whole
 * event is the value) or binary mode ({@code ce_*} headers, {@code data} as the value),
 * and validates its {@code data} against the schema of its type. Reading is strict: a
 * duplicate key anywhere is refused, parsing is bounded ({@link StrictJson}, and a
 * streaming pass refuses a document whose tree would cost more than
 * {@link #HEAP_PER_BYTE} times its size before the tree is built), and the envelope
 * attributes and the record key are capped and free of control characters. The extension
 * attribute {@code fivetranaccount} ({@link AccountName}) picks the Fivetran account; a
 * reader built with the configured accounts refuses one it does not know.
 */
public class CommandReader {

	private static final String BINARY_PREFIX = "ce_";

	/** Cap on {@code id}, {@code source}, {@code type}, {@code subject} and the key. */
	static final int MAX_ATTRIBUTE_BYTES = 256;

	/**
	 * Budget for the estimated heap of the parsed tree, per byte of input (plus
	 * {@link #HEAP_ALLOWANCE}). A dense schema update (one small object per table or
	 * column) estimates at about 13 and measures 12 bytes of heap per byte; an array of
	 * empty objects estimates at 50 and is refused. The worst accepted shapes measure
	 * about 15 ({@code CommandReaderHeapBenchmark}).
	 */
	static final int HEAP_PER_BYTE = 16;

	static final int HEAP_ALLOWANCE = 64 * 1024;

	private final JsonMapper json;

	private final CommandSchemas schemas;

	private final int maxBytes;

	private final Clock clock;

	private final Predicate<String> knownAccount;

	/** A reader that takes every well-formed account name (the command line's check). */
	public CommandReader(CommandSchemas schemas, int maxBytes, Clock clock) {
		this(schemas, maxBytes, clock, (account) -> true);
	}

	/**
	 * A reader that refuses a command naming an account {@code knownAccount} does not
	 * know ({@link Reason#UNKNOWN_ACCOUNT}).
	 */
	public CommandReader(CommandSchemas schemas, int maxBytes, Clock clock, Predicate<String> knownAccount) {
		this.knownAccount = knownAccount;
		this.json = StrictJson.mapper(maxBytes);
		this.schemas = schemas;
		this.maxBytes = maxBytes;
		this.clock = clock;
	}

	/** The command in the record, or why there is none. */
	public ReadResult read(IncomingRecord record) {
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
		return new Event(record.header("ce_specversion"), id, record.header("ce_source"), type,
				record.header("ce_subject"), record.header(BINARY_PREFIX + AccountName.ATTRIBUTE), data);
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
		JsonNode account = event.get(AccountName.ATTRIBUTE);
		if (account != null && !account.isString()) {
			throw rejected(Reason.INVALID_ATTRIBUTE, "the attribute '" + AccountName.ATTRIBUTE + "' is not a string",
					id, type);
		}
		return new Event(text(event, "specversion"), id, text(event, "source"), type, text(event, "subject"),
				text(event, AccountName.ATTRIBUTE), event.get("data"));
	}

	private ReadResult validate(IncomingRecord record, Event event) {
		ReadResult invalid = Attributes.check(event.id(), event.source(), event.type(), event.subject(),
				record.keyText());
		if (invalid != null) {
			return invalid;
		}
		if (!CloudEvents.SPEC_VERSION.equals(event.specversion())) {
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
		ReadResult account = checkAccount(event);
		if (account != null) {
			return account;
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
				new Command(event.id(), type.get(), event.source(), key, data, this.clock.instant(), event.account()));
	}

	/**
	 * Refuses a malformed account name without repeating it, and names a well-formed one
	 * that is not configured (which accounts exist is no secret).
	 */
	private ReadResult checkAccount(Event event) {
		String account = event.account();
		if (account == null) {
			return null;
		}
		if (!AccountName.valid(account)) {
			return reject(Reason.INVALID_ATTRIBUTE,
					"the attribute '" + AccountName.ATTRIBUTE + "' is not an account name (" + AccountName.RULE + ")",
					event.id(), event.type());
		}
		if (!this.knownAccount.test(account)) {
			return reject(Reason.UNKNOWN_ACCOUNT,
					"the bridge has no Fivetran account '" + account + "' (attribute '" + AccountName.ATTRIBUTE + "')",
					event.id(), event.type());
		}
		return null;
	}

	private JsonNode parse(byte[] value, String id, String type) {
		try {
			long estimate = treeEstimate(value);
			if (estimate > 0) {
				throw rejected(Reason.OVERSIZED,
						"the value has " + value.length + " bytes but would take more than " + HEAP_PER_BYTE
								+ " times as much memory once read (too many small objects, arrays or values)",
						id, type);
			}
			return this.json.readTree(value);
		}
		catch (StreamConstraintsException ex) {
			throw rejected(Reason.OVERSIZED, "the value is over a parsing limit: " + ex.getOriginalMessage(), id, type);
		}
		catch (JacksonException ex) {
			String message = String.valueOf(ex.getOriginalMessage());
			if (message.startsWith("Duplicate")) {
				// readers that keep the first key and readers that keep the last would
				// run
				// different commands
				throw rejected(Reason.NOT_JSON, "the value is not strict JSON: duplicate keys are refused; " + message,
						id, type);
			}
			throw rejected(Reason.NOT_JSON, "the value is not JSON: " + message, id, type);
		}
	}

	/**
	 * Streams through the value (this also finds duplicate keys and parsing limits) and
	 * estimates the heap its tree would take; 0 when that fits the budget, else how much
	 * was counted when the budget ran out.
	 */
	private long treeEstimate(byte[] value) {
		long budget = (long) HEAP_PER_BYTE * value.length + HEAP_ALLOWANCE;
		long estimate = 0;
		try (JsonParser parser = this.json.createParser(value)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				estimate += heapOf(token, parser);
				if (estimate > budget) {
					return estimate;
				}
			}
		}
		return 0;
	}

	/**
	 * Rough heap of the node a token becomes, with compressed references: an object node
	 * with its map and table, a map entry, a string node with its string, bytes and slot.
	 */
	private static long heapOf(JsonToken token, JsonParser parser) {
		return switch (token) {
			case START_OBJECT -> 150;
			case START_ARRAY -> 100;
			case PROPERTY_NAME -> 50;
			case VALUE_STRING -> 72 + parser.getStringLength();
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> 24;
			case END_OBJECT, END_ARRAY -> 0;
			default -> 8;
		};
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

	private record Event(String specversion, String id, String source, String type, String subject, String account,
			JsonNode data) {

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
