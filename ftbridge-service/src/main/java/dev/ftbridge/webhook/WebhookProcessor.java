package dev.ftbridge.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.events.EventPublisher;
import dev.ftbridge.contract.StrictJson;
import dev.ftbridge.contract.TransformationStatusObserved;
import dev.ftbridge.operations.Observation;
import dev.ftbridge.operations.OperationDesk;

/**
 * Turns each stored webhook into a status event and hands sync and run events to the
 * pending operations — once: a webhook whose (event, connector_id, sync_id, created) was
 * received within the dedup window, or whose {@code created} lies further back than the
 * window from when it arrived, is dropped. No Kafka types: the listener unwraps records.
 */
class WebhookProcessor {

	private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);

	private final JsonMapper json;

	private final EventPublisher events;

	private final OperationDesk operations;

	private final WebhookMetrics metrics;

	private final Duration window;

	private final Map<Integer, SeenWebhooks> seen = new ConcurrentHashMap<>();

	WebhookProcessor(int maxBodyBytes, EventPublisher events, OperationDesk operations, WebhookMetrics metrics,
			Duration window) {
		// read as strictly as the receiver did, so a body stored before that was strict
		// is not taken "last key wins" either
		this.json = StrictJson.mapper(maxBodyBytes);
		this.events = events;
		this.operations = operations;
		this.metrics = metrics;
		this.window = window;
	}

	/** The partition is now this instance's; its earlier webhooks follow. */
	void assigned(int partition) {
		this.seen.put(partition, new SeenWebhooks(this.window));
	}

	void revoked(int partition) {
		this.seen.remove(partition);
	}

	/**
	 * A webhook processed before this instance owned the partition: its key is
	 * remembered, nothing is published. Returns its sync or run event, for the pending
	 * operations' recent list, or null.
	 * @throws IllegalArgumentException when the record is not a Fivetran event
	 */
	OperationDesk.Received remember(int partition, byte[] body, Instant receivedAt) {
		WebhookEvent event = read(body);
		if (event == null) {
			throw new IllegalArgumentException("not a Fivetran event");
		}
		seen(partition).add(event.dedupKey(), receivedAt);
		Observation observation = WebhookStatuses.observation(event, receivedAt);
		return (observation != null) ? new OperationDesk.Received(observation, receivedAt) : null;
	}

	/** A webhook to act on; returns once everything it causes is published. */
	void process(int partition, byte[] body, Instant receivedAt) {
		WebhookEvent event = read(body);
		if (event == null) {
			log.warn("A stored webhook of partition {} is not a Fivetran event; skipped", partition);
			return;
		}
		SeenWebhooks partitionSeen = seen(partition);
		String key = event.dedupKey();
		if (partitionSeen.contains(key)) {
			this.metrics.deduplicated("duplicate");
			log.info("Webhook {} for {} seen before; dropped", event.event(), event.connectionId());
			return;
		}
		if (event.created() != null && event.created().isBefore(receivedAt.minus(this.window))) {
			// older than any retry by Fivetran: a replay the window can no longer vouch
			// for
			this.metrics.deduplicated("stale");
			log.warn("Webhook {} created {} arrived {}: older than the dedup window; dropped", event.event(),
					event.createdText(), receivedAt);
			return;
		}
		publishStatus(event, receivedAt);
		Observation observation = WebhookStatuses.observation(event, receivedAt);
		if (observation != null) {
			this.operations.observed(partition, new OperationDesk.Received(observation, receivedAt));
		}
		// Only now: a failure above leaves the webhook to be processed again.
		partitionSeen.add(key, receivedAt);
	}

	private void publishStatus(WebhookEvent event, Instant receivedAt) {
		ConnectionStatusObserved connection = WebhookStatuses.connection(event, receivedAt);
		if (connection != null) {
			this.events.connectionStatus(connection);
		}
		TransformationStatusObserved transformation = WebhookStatuses.transformation(event, receivedAt);
		if (transformation != null) {
			this.events.transformationStatus(transformation);
		}
	}

	private SeenWebhooks seen(int partition) {
		return this.seen.computeIfAbsent(partition, (ignored) -> new SeenWebhooks(this.window));
	}

	private WebhookEvent read(byte[] body) {
		try {
			return (body != null) ? WebhookEvent.of(this.json.readTree(body)) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
