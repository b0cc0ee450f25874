package dev.ftbridge.sandbox;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * A registered webhook, with its secret in clear so that a delivery can sign payloads;
 * the API only ever shows it masked.
 *
 * @param id the webhook id
 * @param type {@code account} or {@code group}
 * @param groupId the group, for group webhooks; null otherwise
 * @param url where deliveries go
 * @param events the event types it wants
 * @param active whether it receives deliveries
 * @param secret the signing secret, or null for unsigned deliveries
 * @param createdAt when it was created, in sandbox time
 */
public record WebhookRegistration(String id, String type, String groupId, String url, List<String> events,
		boolean active, String secret, Instant createdAt) {

	public WebhookRegistration {
		events = List.copyOf(events);
	}

	/** Whether a delivery of this event about a connection in that group goes here. */
	public boolean wants(String event, String eventGroupId) {
		return this.active && this.events.contains(event)
				&& (this.groupId == null || this.groupId.equals(eventGroupId));
	}

	WebhookRegistration withActive(boolean active) {
		return new WebhookRegistration(this.id, this.type, this.groupId, this.url, this.events, active, this.secret,
				this.createdAt);
	}

	WebhookRegistration with(String url, List<String> events, boolean active, String secret) {
		return new WebhookRegistration(this.id, this.type, this.groupId, url, events, active, secret, this.createdAt);
	}

	ObjectNode toJson() {
		ObjectNode json = Json.object().put("id", this.id).put("type", this.type);
		if (this.groupId != null) {
			json.put("group_id", this.groupId);
		}
		json.put("url", this.url);
		this.events.forEach(json.putArray("events")::add);
		json.put("active", this.active);
		if (this.secret != null) {
			json.put("secret", Json.MASK);
		}
		return json.put("created_at", Json.timestamp(this.createdAt)).put("created_by", "sandbox_user");
	}

}
