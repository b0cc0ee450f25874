package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.BatchMessageListener;

import dev.ftbridge.completion.PendingOperationsConsumer;
import dev.ftbridge.completion.ReceivedObservation;
import dev.ftbridge.kafka.UnreadableRecords;

/**
 * The one consumer of the webhooks and pending-operations topics. Partition p of both is
 * assigned together (range assignment, same partition count, same key), so a resource's
 * webhooks and operations meet on one thread. On assignment the partition pair is loaded
 * first: the operations rebuilt from their partition, the webhooks of the dedup window
 * remembered as they are read; then webhooks resume from the committed offset. Each poll
 * is one batch: its webhooks' status events are sent without waiting and awaited
 * together, and the container commits the batch's offsets only when this returns, that is
 * once every send was acknowledged; a failure throws, and the error handler delivers the
 * batch again. Unwraps records and delegates; the work is in {@link WebhookProcessor}
 * and, for the operations, {@link PendingOperationsConsumer}.
 */
class WebhookListener implements BatchMessageListener<byte[], byte[]>, ConsumerSeekAware {

	private final String webhooksTopic;

	private final String operationsTopic;

	private final WebhookProcessor processor;

	private final PendingOperationsConsumer operations;

	private final PartitionLoader loader;

	private final Duration recentEvents;

	private final int recentEventsMax;

	WebhookListener(String webhooksTopic, String operationsTopic, WebhookProcessor processor,
			PendingOperationsConsumer operations, PartitionLoader loader, Duration recentEvents, int recentEventsMax) {
		this.webhooksTopic = webhooksTopic;
		this.operationsTopic = operationsTopic;
		this.processor = processor;
		this.operations = operations;
		this.loader = loader;
		this.recentEvents = recentEvents;
		this.recentEventsMax = recentEventsMax;
	}

	@Override
	public void onMessage(List<ConsumerRecord<byte[], byte[]>> records) {
		WebhookProcessor.Batch batch = this.processor.batch();
		RuntimeException failure = null;
		try {
			for (ConsumerRecord<byte[], byte[]> record : records) {
				if (record.topic().equals(this.operationsTopic)) {
					this.operations.onRecord(record);
				}
				else {
					String account = account(record);
					if (account == null) {
						UnreadableRecords.skipped(record.topic(), record.partition(), record.offset(),
								"no valid " + WebhookInbox.ACCOUNT_HEADER + " header");
						continue;
					}
					this.processor.process(record.partition(), account, record.value(),
							Instant.ofEpochMilli(record.timestamp()), batch);
				}
			}
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		// what was sent before a failure is still awaited and remembered, so that the
		// batch delivered again publishes only what is missing
		this.processor.complete(batch, failure);
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		Map<Integer, Long> webhookPositions = new HashMap<>();
		Set<Integer> operationPartitions = new TreeSet<>();
		assignments.forEach((partition, position) -> {
			if (partition.topic().equals(this.webhooksTopic)) {
				webhookPositions.put(partition.partition(), position);
			}
			else if (partition.topic().equals(this.operationsTopic)) {
				operationPartitions.add(partition.partition());
			}
		});
		webhookPositions.keySet().forEach(this.processor::assigned);
		Map<Integer, Deque<ReceivedObservation>> recent = new HashMap<>();
		PartitionLoader.Loaded loaded = this.loader.load(webhookPositions, operationPartitions,
				(record) -> remember(record,
						recent.computeIfAbsent(record.partition(), (ignored) -> new ArrayDeque<>())));
		for (int partition : operationPartitions) {
			this.operations.restore(partition, loaded.operations(partition),
					List.copyOf(recent.getOrDefault(partition, new ArrayDeque<>())));
			// not past what was read: the rest, if the loader ran out of time, comes in
			// batches
			callback.seek(this.operationsTopic, partition, loaded.operationsReached(partition));
		}
	}

	/**
	 * Remembers a webhook of the window; keeps its sync or run event only while it is
	 * recent enough for the pending operations to look at.
	 */
	private void remember(ConsumerRecord<byte[], byte[]> record, Deque<ReceivedObservation> recent) {
		ReceivedObservation received;
		try {
			String account = account(record);
			if (account == null) {
				throw new IllegalArgumentException("no valid " + WebhookInbox.ACCOUNT_HEADER + " header");
			}
			received = this.processor.remember(record.partition(), account, record.value(),
					Instant.ofEpochMilli(record.timestamp()));
		}
		catch (RuntimeException ex) {
			UnreadableRecords.skipped(record.topic(), record.partition(), record.offset(),
					ex.getClass().getSimpleName() + ": " + ex.getMessage());
			return;
		}
		if (received != null) {
			recent.addLast(received);
			Instant cutoff = received.receivedAt().minus(this.recentEvents);
			// bounded like the operations' own list: a storm's worth of events is not
			// held
			while (recent.size() > this.recentEventsMax || recent.peekFirst().receivedAt().isBefore(cutoff)) {
				recent.removeFirst();
			}
		}
	}

	/**
	 * The account a stored webhook was received for: {@code default} when it carries
	 * none, as every webhook stored before accounts; null when the header is not an
	 * account name (the receiver never writes one).
	 */
	static String account(ConsumerRecord<byte[], byte[]> record) {
		Header header = record.headers().lastHeader(WebhookInbox.ACCOUNT_HEADER);
		if (header == null) {
			return WebhookProperties.DEFAULT_ACCOUNT;
		}
		String account = (header.value() != null) ? new String(header.value(), StandardCharsets.US_ASCII) : null;
		return WebhookProperties.isAccountName(account) ? account : null;
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		for (TopicPartition partition : partitions) {
			if (partition.topic().equals(this.webhooksTopic)) {
				this.processor.revoked(partition.partition());
			}
			else if (partition.topic().equals(this.operationsTopic)) {
				this.operations.revoked(partition.partition());
			}
		}
	}

}
