package dev.ftbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/**
 * One attempt to deliver a webhook payload, and what became of it.
 *
 * @param sequence the order the attempts were made in, from 1
 * @param targetId the registered webhook's id, or {@code settings_<n>} for a target from
 * {@link SandboxSettings#withWebhook}
 * @param url where it went
 * @param event the event type ({@code sync_end}, {@code test_event}, …)
 * @param connectionId the connection ({@code connector_id}), or null
 * @param syncId the sync, for sync events; else null
 * @param attempt 1 for the first attempt, 2 for the first retry, …
 * @param plannedAt when the attempt was due, in sandbox time (the event's time for the
 * first, then 5, 10, 15 … minutes after the previous one)
 * @param sandboxTime when it was made, in sandbox time
 * @param realTime when it was made, in real time
 * @param status the HTTP status answered, or 0 when there was no answer
 * @param error why there was no answer (timeout, connection refused, …), else null
 * @param body the exact payload sent
 */
public record DeliveryAttempt(long sequence, String targetId, String url, String event, String connectionId,
		String syncId, int attempt, Instant plannedAt, Instant sandboxTime, Instant realTime, int status, String error,
		String body) {

	static DeliveryAttempt of(Delivery delivery, String url, int attempt, Instant plannedAt, Instant sandboxTime,
			Instant realTime, WebhookSender.Answer answer) {
		return new DeliveryAttempt(0, delivery.targetId(), url, delivery.event(), delivery.connectionId(),
				delivery.syncId(), attempt, plannedAt, sandboxTime, realTime, answer.status(), answer.error(),
				new String(delivery.body(), StandardCharsets.UTF_8));
	}

	/** Whether the receiver answered 2xx. */
	public boolean succeeded() {
		return this.status >= 200 && this.status < 300;
	}

	DeliveryAttempt withSequence(long sequence) {
		return new DeliveryAttempt(sequence, this.targetId, this.url, this.event, this.connectionId, this.syncId,
				this.attempt, this.plannedAt, this.sandboxTime, this.realTime, this.status, this.error, this.body);
	}

	ObjectNode toJson() {
		return Json.object()
			.put("sequence", this.sequence)
			.put("target_id", this.targetId)
			.put("url", this.url)
			.put("event", this.event)
			.put("connection_id", this.connectionId)
			.put("sync_id", this.syncId)
			.put("attempt", this.attempt)
			.put("planned_at", Json.timestamp(this.plannedAt))
			.put("sandbox_time", Json.timestamp(this.sandboxTime))
			.put("real_time", Json.timestamp(this.realTime))
			.put("status", this.status)
			.put("error", this.error)
			.put("succeeded", succeeded())
			.put("body", this.body);
	}

	/**
	 * What is delivered, to whom: the same for every attempt.
	 *
	 * @param targetId the target
	 * @param event the event type
	 * @param connectionId the connection, or null
	 * @param syncId the sync, or null
	 * @param body the payload bytes
	 */
	record Delivery(String targetId, String event, String connectionId, String syncId, byte[] body) {

	}

}
