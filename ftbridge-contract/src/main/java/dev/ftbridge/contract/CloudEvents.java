package dev.ftbridge.contract;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Wraps event data in a CloudEvents 1.0 structured-mode envelope: the bridge's output
 * events, and the commands the command-line publisher sends.
 */
public final class CloudEvents {

	/** The content type of a structured-mode CloudEvent. */
	public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

	/** The CloudEvents version every envelope declares. */
	public static final String SPEC_VERSION = "1.0";

	/** The content type of every envelope's {@code data}. */
	public static final String DATA_CONTENT_TYPE = "application/json";

	private CloudEvents() {
	}

	public static ObjectNode envelope(String source, String type, String subject, Instant time, JsonNode data) {
		return envelope(UUID.randomUUID().toString(), source, type, subject, time, data);
	}

	/** An envelope with a given id (for a command, its idempotency key). */
	public static ObjectNode envelope(String id, String source, String type, String subject, Instant time,
			JsonNode data) {
		ObjectNode event = JsonNodeFactory.instance.objectNode();
		event.put("specversion", SPEC_VERSION);
		event.put("id", id);
		event.put("source", source);
		event.put("type", type);
		if (subject != null) {
			event.put("subject", subject);
		}
		event.put("time", time.toString());
		event.put("datacontenttype", DATA_CONTENT_TYPE);
		event.set("data", data);
		return event;
	}

}
