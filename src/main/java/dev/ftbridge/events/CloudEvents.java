package dev.ftbridge.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Wraps event data in a CloudEvents 1.0 structured-mode envelope. */
final class CloudEvents {

	/** The content type of a structured-mode CloudEvent. */
	static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

	private CloudEvents() {
	}

	static ObjectNode envelope(String source, String type, String subject, Instant time, JsonNode data) {
		ObjectNode event = JsonNodeFactory.instance.objectNode();
		event.put("specversion", "1.0");
		event.put("id", UUID.randomUUID().toString());
		event.put("source", source);
		event.put("type", type);
		if (subject != null) {
			event.put("subject", subject);
		}
		event.put("time", time.toString());
		event.put("datacontenttype", "application/json");
		event.set("data", data);
		return event;
	}

}
