package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.MessageListener;

import dev.ftbridge.events.UnreadableRecords;
import dev.ftbridge.operations.OperationDesk;

/**
 * The one consumer of the webhooks and pending-operations topics. Partition p of both is
 * assigned together (range assignment, same partition count, same key), so a resource's
 * webhooks and operations meet on one thread. On assignment the partition pair is loaded
 * first: the operations rebuilt to the end of their partition, the webhooks of the dedup
 * window remembered; then webhooks resume from the committed offset. Unwraps records and
 * delegates; the work is in {@link WebhookProcessor} and {@link OperationDesk}.
 */
class WebhookListener implements MessageListener<byte[], byte[]>, ConsumerSeekAware {

	private final String webhooksTopic;

	private final String operationsTopic;

	private final WebhookProcessor processor;

	private final OperationDesk operations;

	private final PartitionLoader loader;

	WebhookListener(String webhooksTopic, String operationsTopic, WebhookProcessor processor, OperationDesk operations,
			PartitionLoader loader) {
		this.webhooksTopic = webhooksTopic;
		this.operationsTopic = operationsTopic;
		this.processor = processor;
		this.operations = operations;
		this.loader = loader;
	}

	@Override
	public void onMessage(ConsumerRecord<byte[], byte[]> record) {
		if (record.topic().equals(this.operationsTopic)) {
			this.operations.read(record.partition(), text(record.key()), record.value());
		}
		else {
			this.processor.process(record.partition(), record.value(), Instant.ofEpochMilli(record.timestamp()));
		}
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
		PartitionLoader.Loaded loaded = this.loader.load(webhookPositions, operationPartitions);
		Map<Integer, List<OperationDesk.Received>> recent = new HashMap<>();
		for (int partition : webhookPositions.keySet()) {
			this.processor.assigned(partition);
			List<OperationDesk.Received> events = recent.computeIfAbsent(partition, (ignored) -> new ArrayList<>());
			for (ConsumerRecord<byte[], byte[]> record : loaded.webhooks(partition)) {
				OperationDesk.Received received;
				try {
					received = this.processor.remember(partition, record.value(),
							Instant.ofEpochMilli(record.timestamp()));
				}
				catch (RuntimeException ex) {
					UnreadableRecords.skipped(record.topic(), record.partition(), record.offset(),
							ex.getClass().getSimpleName() + ": " + ex.getMessage());
					continue;
				}
				if (received != null) {
					events.add(received);
				}
			}
		}
		for (int partition : operationPartitions) {
			List<OperationDesk.Stored> stored = loaded.operations(partition)
				.stream()
				.map((record) -> stored(record))
				.toList();
			this.operations.assigned(partition, stored, recent.getOrDefault(partition, List.of()));
			callback.seek(this.operationsTopic, partition, loaded.operationsEnd(partition));
		}
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

	/** A pending-operation record as read; one this version cannot read is counted. */
	private static OperationDesk.Stored stored(ConsumerRecord<byte[], byte[]> record) {
		OperationDesk.Stored stored = new OperationDesk.Stored(text(record.key()), record.value());
		if (!stored.readable()) {
			UnreadableRecords.skipped(record.topic(), record.partition(), record.offset(),
					"not a pending operation this version can read");
		}
		return stored;
	}

	private static String text(byte[] bytes) {
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : null;
	}

}
