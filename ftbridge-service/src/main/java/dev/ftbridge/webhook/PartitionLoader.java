package dev.ftbridge.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.ConsumerFactory;

import dev.ftbridge.kafka.PartitionReader;

/**
 * Reads what a newly assigned partition pair already holds, with a short-lived consumer
 * of its own: the webhooks received within the dedup window up to the group's committed
 * position (handed one by one to be remembered, not processed, and not kept), and every
 * pending-operation record up to the end (to rebuild the open operations before the first
 * webhook of the partition is processed). Reading stops at a deadline, so that a long
 * backlog cannot hold the consumer past its rebalance; what was not read by then is left
 * where it is: the pending-operation partitions report how far they were read, and the
 * consumer carries on from there.
 */
class PartitionLoader {

	private static final Logger log = LoggerFactory.getLogger(PartitionLoader.class);

	private final ConsumerFactory<byte[], byte[]> consumers;

	private final String webhooksTopic;

	private final String operationsTopic;

	private final Duration window;

	private final Duration timeout;

	private final Clock clock;

	PartitionLoader(ConsumerFactory<byte[], byte[]> consumers, String webhooksTopic, String operationsTopic,
			Duration window, Duration timeout, Clock clock) {
		this.consumers = consumers;
		this.webhooksTopic = webhooksTopic;
		this.operationsTopic = operationsTopic;
		this.window = window;
		this.timeout = timeout;
		this.clock = clock;
	}

	/**
	 * Reads the webhook partitions up to the given positions (from the start of the
	 * window), handing each record to {@code webhooks} as it is read, and the
	 * pending-operation partitions from their beginning towards their end.
	 */
	Loaded load(Map<Integer, Long> webhookPositions, Set<Integer> operationPartitions,
			java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> webhooks) {
		try (Consumer<byte[], byte[]> consumer = this.consumers.createConsumer()) {
			checkCopartitioned(consumer);
			Map<TopicPartition, Long> from = new HashMap<>();
			Map<TopicPartition, Long> until = new HashMap<>();
			webhookRanges(consumer, webhookPositions, from, until);
			List<TopicPartition> operations = operationPartitions.stream()
				.map((partition) -> new TopicPartition(this.operationsTopic, partition))
				.toList();
			if (!operations.isEmpty()) {
				from.putAll(consumer.beginningOffsets(operations));
				until.putAll(consumer.endOffsets(operations));
			}
			Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> records = new HashMap<>();
			Map<TopicPartition, Long> reached = read(consumer, from, until, (record) -> {
				if (record.topic().equals(this.webhooksTopic)) {
					webhooks.accept(record);
				}
				else {
					records
						.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
								(ignored) -> new ArrayList<>())
						.add(record);
				}
			});
			return new Loaded(records, reached, this.operationsTopic);
		}
	}

	private void webhookRanges(Consumer<byte[], byte[]> consumer, Map<Integer, Long> positions,
			Map<TopicPartition, Long> from, Map<TopicPartition, Long> until) {
		long since = this.clock.instant().minus(this.window).toEpochMilli();
		Map<TopicPartition, Long> times = new HashMap<>();
		positions.forEach((partition, position) -> {
			TopicPartition topicPartition = new TopicPartition(this.webhooksTopic, partition);
			until.put(topicPartition, position);
			times.put(topicPartition, since);
		});
		if (times.isEmpty()) {
			return;
		}
		Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
		times.keySet().forEach((partition) -> {
			OffsetAndTimestamp offset = offsets.get(partition);
			from.put(partition, (offset != null) ? offset.offset() : until.get(partition));
		});
	}

	private Map<TopicPartition, Long> read(Consumer<byte[], byte[]> consumer, Map<TopicPartition, Long> from,
			Map<TopicPartition, Long> until, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
		Map<TopicPartition, Long> reached = PartitionReader.read(consumer, from, until, this.timeout, each);
		List<TopicPartition> unfinished = PartitionReader.unfinished(reached, until);
		if (!unfinished.isEmpty()) {
			log.warn(
					"Reading {} took longer than {}; the pending operations not read yet are read as they "
							+ "come, the webhooks not read yet are not recognised as repeats",
					unfinished, this.timeout);
		}
		return reached;
	}

	/**
	 * Operations and webhooks of one resource meet only if both topics are partitioned
	 * alike.
	 */
	private void checkCopartitioned(Consumer<byte[], byte[]> consumer) {
		int webhooks = consumer.partitionsFor(this.webhooksTopic).size();
		int operations = consumer.partitionsFor(this.operationsTopic).size();
		if (webhooks != operations) {
			log.error(
					"{} has {} partitions and {} has {}: webhooks will not meet their pending operations; "
							+ "give both the same partition count",
					this.webhooksTopic, webhooks, this.operationsTopic, operations);
		}
	}

	/**
	 * What was read of the pending operations.
	 *
	 * @param records the records read, by partition, in offset order
	 * @param reached where each partition was read to (exclusive): its end, unless the
	 * deadline came first
	 * @param operationsTopic the pending-operations topic
	 */
	record Loaded(Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> records, Map<TopicPartition, Long> reached,
			String operationsTopic) {

		List<ConsumerRecord<byte[], byte[]>> operations(int partition) {
			return this.records.getOrDefault(new TopicPartition(this.operationsTopic, partition), List.of());
		}

		/** Where the consumer carries on reading the partition's operations. */
		long operationsReached(int partition) {
			return this.reached.getOrDefault(new TopicPartition(this.operationsTopic, partition), 0L);
		}

	}

}
