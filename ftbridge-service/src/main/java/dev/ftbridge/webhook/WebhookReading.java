package dev.ftbridge.webhook;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import dev.ftbridge.contract.StrictJson;

/**
 * Reads what the receiver needs from a verified body — its event name and its Kafka key —
 * in one streaming pass, without building a tree: every token is still read, so a
 * duplicate key anywhere or a {@link StrictJson} limit refuses the body as before.
 */
final class WebhookReading {

	private final JsonFactory json;

	WebhookReading(int maxBodyBytes) {
		this.json = (JsonFactory) StrictJson.mapper(maxBodyBytes).tokenStreamFactory();
	}

	/**
	 * The event and key of a body.
	 * @param body the raw body
	 * @return what was read
	 * @throws JacksonException when the body is not strict JSON
	 */
	Read read(byte[] body) {
		Fields fields = new Fields();
		try (JsonParser parser = this.json.createParser(ObjectReadContext.empty(), body)) {
			JsonToken first = parser.nextToken();
			if (first != JsonToken.START_OBJECT) {
				if (first != null) {
					drain(parser);
				}
				return new Read(null, null);
			}
			readObject(parser, fields, 1);
			if (parser.nextToken() != null) {
				// trailing content after the object: a tree read refuses it as well
				return new Read(null, null);
			}
		}
		return new Read(fields.event, fields.key());
	}

	private static void readObject(JsonParser parser, Fields fields, int depth) {
		JsonToken token;
		while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if (value == JsonToken.VALUE_STRING) {
				fields.offer(depth, name, parser.getString());
			}
			else if (value == JsonToken.START_OBJECT) {
				readObject(parser, fields, (depth == 1 && "data".equals(name)) ? 2 : 3);
			}
			else if (value == JsonToken.START_ARRAY) {
				drain(parser);
			}
		}
		if (token != JsonToken.END_OBJECT) {
			throw new IllegalStateException("unexpected token " + token);
		}
	}

	/** Reads to the end of the current structure, so that every token is checked. */
	private static void drain(JsonParser parser) {
		int open = parser.currentToken().isStructStart() ? 1 : 0;
		while (open > 0) {
			JsonToken token = parser.nextToken();
			if (token.isStructStart()) {
				open++;
			}
			else if (token.isStructEnd()) {
				open--;
			}
		}
	}

	/** A body's event name (null if it has no string {@code event}) and Kafka key. */
	record Read(String event, String key) {

		boolean isEvent() {
			return this.event != null;
		}

	}

	/**
	 * The fields a key may come from: depth 1 is the top level, 2 the {@code data}
	 * object.
	 */
	private static final class Fields {

		String event;

		String connection;

		String transformation;

		String dataTransformation;

		String dataId;

		String destinationGroup;

		String group;

		void offer(int depth, String name, String value) {
			if (depth == 1) {
				switch (name) {
					case "event" -> this.event = value;
					case "connector_id" -> this.connection = value;
					case "transformation_id" -> this.transformation = nonEmpty(value);
					case "destination_group_id" -> this.destinationGroup = value;
					case "group_id" -> this.group = value;
					default -> {
					}
				}
			}
			else if (depth == 2) {
				if ("transformation_id".equals(name)) {
					this.dataTransformation = nonEmpty(value);
				}
				else if ("id".equals(name)) {
					this.dataId = nonEmpty(value);
				}
			}
		}

		/**
		 * Keyed by connection (or, for a transformation event, by transformation), so one
		 * resource's events stay in order and share a partition with its pending
		 * operations.
		 */
		String key() {
			if (this.connection != null) {
				return this.connection;
			}
			if (this.event != null && FivetranEvents.isTransformationEvent(this.event)) {
				String id = (this.transformation != null) ? this.transformation
						: (this.dataTransformation != null) ? this.dataTransformation : this.dataId;
				if (id != null) {
					return id;
				}
			}
			return (this.destinationGroup != null) ? this.destinationGroup : this.group;
		}

		private static String nonEmpty(String value) {
			return value.isEmpty() ? null : value;
		}

	}

}
