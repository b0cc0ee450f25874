package dev.ftbridge.webhook;

import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import dev.ftbridge.fivetran.FivetranTime;

/**
 * One Fivetran webhook body, read leniently: Fivetran documents few fields firmly
 * (https://fivetran.com/docs/rest-api/webhooks; the test payload has no {@code sync_id}
 * and older payloads say {@code group_id}), so everything but {@code event} may be
 * missing.
 *
 * @param event the event type
 * @param createdText {@code created} exactly as sent (part of the dedup key)
 * @param created {@code created} as an instant, or null when missing or unreadable
 * @param connectionId {@code connector_id}
 * @param connectionType {@code connector_type}
 * @param connectionName {@code connector_name}
 * @param groupId {@code destination_group_id}, or {@code group_id} in older payloads
 * @param syncId {@code sync_id}
 * @param transformationId the transformation, for transformation events
 * @param data the event-specific {@code data} (an empty object when absent)
 */
record WebhookEvent(String event, String createdText, Instant created, String connectionId, String connectionType,
		String connectionName, String groupId, String syncId, String transformationId, JsonNode data) {

	/** Reads a body; null when it is not an object with an {@code event}. */
	static WebhookEvent of(JsonNode body) {
		if (body == null || !body.isObject() || !body.path("event").isString()) {
			return null;
		}
		String created = text(body, "created");
		JsonNode data = body.path("data").isObject() ? body.get("data") : JsonNodeFactory.instance.objectNode();
		String group = text(body, "destination_group_id");
		return new WebhookEvent(body.get("event").asString(), created, FivetranTime.parse(created),
				text(body, "connector_id"), text(body, "connector_type"), text(body, "connector_name"),
				(group != null) ? group : text(body, "group_id"), text(body, "sync_id"), transformationId(body), data);
	}

	/**
	 * The transformation of a transformation event; Fivetran's field name is not
	 * documented, so the likely places are tried in turn.
	 */
	static String transformationId(JsonNode body) {
		if (!FivetranEvents.isTransformationEvent(body.path("event").asString(""))) {
			return null;
		}
		String id = text(body, "transformation_id");
		if (id == null) {
			id = text(body.path("data"), "transformation_id");
		}
		return (id != null) ? id : text(body.path("data"), "id");
	}

	/**
	 * The same webhook delivered again has the same key: Fivetran sends no delivery id
	 * and no delivery time, and retries a delivery for up to 24 hours, so (account,
	 * event, connector_id, sync_id, created) identifies it. The same body sent for two
	 * accounts is two webhooks. The key of {@code default} is what it was before
	 * accounts.
	 * @param account the account it was received for
	 */
	String dedupKey(String account) {
		String resource = (this.connectionId != null) ? this.connectionId : this.transformationId;
		String key = String.join("\u001f", this.event, orEmpty(resource), orEmpty(this.syncId),
				orEmpty(this.createdText));
		return WebhookProperties.DEFAULT_ACCOUNT.equals(account) ? key : account + "\u001e" + key;
	}

	private static String orEmpty(String text) {
		return (text != null) ? text : "";
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isString() && !value.asString().isEmpty()) ? value.asString() : null;
	}

}
