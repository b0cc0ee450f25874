package dev.ftbridge.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.ftbridge.completion.Observation;
import dev.ftbridge.completion.OperationTracker;
import dev.ftbridge.completion.ReceivedObservation;
import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.events.EventPublisher;
import dev.ftbridge.contract.StrictJson;
import dev.ftbridge.contract.TransformationStatusObserved;
import dev.ftbridge.kafka.KafkaSendException;
import dev.ftbridge.kafka.Sends;

/**
 * Turns each stored webhook into a status event (carrying its account) and hands sync and
 * run events to the pending operations — once: a webhook whose (account, event,
 * connector_id, sync_id, created) was received within the dedup window, or whose
 * {@code created} lies further back than the window from when it arrived, is dropped.
 * Webhooks are processed a {@link Batch} at a time: their status events are sent without
 * waiting, then {@link #complete} awaits them all together and remembers as processed
 * only those the broker acknowledged, so that a batch processed again after a failed send
 * publishes only what is missing. No Kafka types: the listener unwraps records.
 */
class WebhookProcessor {

	private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);

	private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

	private final JsonMapper json;

	private final EventPublisher events;

	private final OperationTracker operations;

	private final WebhookMetrics metrics;

	private final Duration window;

	private final Duration sendTimeout;

	private final SeenWebhooks.Budget budget;

	private final Map<Integer, SeenWebhooks> seen = new ConcurrentHashMap<>();

	private final ThrottledLog staleLog = new ThrottledLog(log, LOG_INTERVAL);

	private final ThrottledLog forgottenLog = new ThrottledLog(log, LOG_INTERVAL);

	WebhookProcessor(int maxBodyBytes, EventPublisher events, OperationTracker operations, WebhookMetrics metrics,
			Duration window, long dedupCapacity, Duration sendTimeout) {
		// read as strictly as the receiver did, so a body stored before that was strict
		// is not taken "last key wins" either
		this.json = StrictJson.mapper(maxBodyBytes);
		this.events = events;
		this.operations = operations;
		this.metrics = metrics;
		this.window = window;
		this.budget = new SeenWebhooks.Budget(dedupCapacity);
		this.sendTimeout = sendTimeout;
	}

	/** The partition is now this instance's; its earlier webhooks follow. */
	void assigned(int partition) {
		SeenWebhooks before = this.seen.put(partition, new SeenWebhooks(this.window, this.budget));
		if (before != null) {
			before.clear();
		}
	}

	void revoked(int partition) {
		SeenWebhooks before = this.seen.remove(partition);
		if (before != null) {
			before.clear();
		}
	}

	/**
	 * A webhook processed before this instance owned the partition: its key is
	 * remembered, nothing is published. Returns its sync or run event, for the pending
	 * operations' recent list, or null.
	 * @param account the account it was received for
	 * @throws IllegalArgumentException when the record is not a Fivetran event
	 */
	ReceivedObservation remember(int partition, String account, byte[] body, Instant receivedAt) {
		WebhookEvent event = read(body);
		if (event == null) {
			throw new IllegalArgumentException("not a Fivetran event");
		}
		remember(partition, event.dedupKey(account), receivedAt);
		Observation observation = WebhookStatuses.observation(event, receivedAt);
		return (observation != null) ? new ReceivedObservation(observation, receivedAt, account) : null;
	}

	/** A new batch of webhooks to act on. */
	Batch batch() {
		return new Batch();
	}

	/**
	 * A webhook to act on: its status events are sent, not awaited (see
	 * {@link #complete}); its sync or run event is handed to the pending operations.
	 * @param account the account it was received for
	 */
	void process(int partition, String account, byte[] body, Instant receivedAt, Batch batch) {
		WebhookEvent event = read(body);
		if (event == null) {
			log.warn("A stored webhook of partition {} is not a Fivetran event; skipped", partition);
			return;
		}
		String key = event.dedupKey(account);
		if (seen(partition).contains(key) || !batch.claim(partition, key)) {
			this.metrics.forAccount(account).deduplicated("duplicate");
			log.debug("Webhook {} for {} seen before; dropped", event.event(), event.connectionId());
			return;
		}
		if (event.created() != null && event.created().isBefore(receivedAt.minus(this.window))) {
			// older than any retry by Fivetran: a replay the window can no longer vouch
			// for
			this.metrics.forAccount(account).deduplicated("stale");
			this.staleLog.warn(
					"{} webhook(s) older than the dedup window dropped in the last minute or so "
							+ "(ftbridge.webhooks.deduplicated, reason=stale); the latest: {} created {} arrived {}",
					event.event(), event.createdText(), receivedAt);
			return;
		}
		CompletableFuture<Void> acknowledged = publishStatus(event, account, receivedAt);
		Observation observation = WebhookStatuses.observation(event, receivedAt);
		if (observation != null) {
			this.operations.observed(partition, new ReceivedObservation(observation, receivedAt, account));
		}
		// Only now: if the pending operations failed above, the webhook is not remembered
		// and the batch delivered again hands it over again (its status event then twice)
		batch.sent.add(new Sent(partition, key, receivedAt, acknowledged));
	}

	/**
	 * Awaits every send of the batch, remembers the webhooks whose events the broker
	 * acknowledged, and returns only if all were: otherwise throws, and the batch must
	 * not be committed.
	 * @param failure what failed while the batch was processed, or null
	 */
	void complete(Batch batch, RuntimeException failure) {
		RuntimeException sendFailure = null;
		try {
			Sends.await("the status topics",
					CompletableFuture
						.allOf(batch.sent.stream().map(Sent::acknowledged).toArray(CompletableFuture[]::new)),
					this.sendTimeout);
		}
		catch (KafkaSendException ex) {
			sendFailure = ex;
		}
		for (Sent sent : batch.sent) {
			CompletableFuture<Void> acknowledged = sent.acknowledged();
			if (acknowledged.isDone() && !acknowledged.isCompletedExceptionally()) {
				remember(sent.partition(), sent.key(), sent.receivedAt());
			}
		}
		if (failure != null) {
			throw failure;
		}
		if (sendFailure != null) {
			throw sendFailure;
		}
	}

	private void remember(int partition, String key, Instant receivedAt) {
		int forgotten = seen(partition).add(key, receivedAt);
		if (forgotten > 0) {
			this.metrics.forgottenEarly(forgotten);
			this.forgottenLog
				.warn("{} webhook(s) forgotten before the end of the dedup window in the last minute or so, "
						+ "to stay within ftbridge.webhook.dedup-capacity (ftbridge.webhooks.dedup.forgotten); "
						+ "a repeat of one of them would be processed again");
		}
	}

	private CompletableFuture<Void> publishStatus(WebhookEvent event, String account, Instant receivedAt) {
		List<CompletableFuture<Void>> sends = new ArrayList<>(2);
		ConnectionStatusObserved connection = WebhookStatuses.connection(event, account, receivedAt);
		if (connection != null) {
			sends.add(this.events.sendConnectionStatus(connection));
		}
		TransformationStatusObserved transformation = WebhookStatuses.transformation(event, account, receivedAt);
		if (transformation != null) {
			sends.add(this.events.sendTransformationStatus(transformation));
		}
		return (sends.size() == 1) ? sends.get(0) : CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
	}

	private SeenWebhooks seen(int partition) {
		return this.seen.computeIfAbsent(partition, (ignored) -> new SeenWebhooks(this.window, this.budget));
	}

	private WebhookEvent read(byte[] body) {
		try {
			return (body != null) ? WebhookEvent.of(this.json.readTree(body)) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** The webhooks of one poll: status events in flight, and the keys they carry. */
	static final class Batch {

		private final List<Sent> sent = new ArrayList<>();

		private final Set<String> keys = new HashSet<>();

		/** False when the batch already holds the key (a repeat within one poll). */
		private boolean claim(int partition, String key) {
			return this.keys.add(partition + "/" + key);
		}

	}

	private record Sent(int partition, String key, Instant receivedAt, CompletableFuture<Void> acknowledged) {

	}

}
