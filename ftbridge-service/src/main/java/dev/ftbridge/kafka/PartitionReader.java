package dev.ftbridge.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads partitions back to the end they have now, with a deadline: how the command
 * ledger, the pending operations and the webhook dedup state learn what the bridge's own
 * topics already hold. The consumer is the caller's (assigned here, never subscribed,
 * never committing).
 */
public final class PartitionReader {

	private static final Duration POLL = Duration.ofMillis(200);

	private PartitionReader() {
	}

	/**
	 * Hands every record of the partition from the first at or after {@code from} to its
	 * current end.
	 * @throws TimeoutException when the end is not reached within {@code timeout}
	 */
	public static void since(Consumer<byte[], byte[]> consumer, TopicPartition partition, Instant from,
			Duration timeout, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
		OffsetAndTimestamp start = consumer.offsetsForTimes(Map.of(partition, from.toEpochMilli())).get(partition);
		if (start == null) {
			return;
		}
		long end = consumer.endOffsets(List.of(partition)).get(partition);
		Map<TopicPartition, Long> until = Map.of(partition, end);
		orThrow(read(consumer, Map.of(partition, start.offset()), until, timeout, each), until, timeout);
	}

	/**
	 * Hands every record of the partition from its beginning to its current end.
	 * @throws TimeoutException when the end is not reached within {@code timeout}
	 */
	public static void all(Consumer<byte[], byte[]> consumer, TopicPartition partition, Duration timeout,
			java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
		long start = consumer.beginningOffsets(List.of(partition)).get(partition);
		long end = consumer.endOffsets(List.of(partition)).get(partition);
		Map<TopicPartition, Long> until = Map.of(partition, end);
		orThrow(read(consumer, Map.of(partition, start), until, timeout, each), until, timeout);
	}

	/**
	 * Hands every record of each partition from {@code from} up to (not including)
	 * {@code until}, in offset order within a partition, until the deadline. A partition
	 * not read to its end is left where it is, never skipped: the caller learns how far
	 * it was read and may carry on from there.
	 * @return per partition, the offset up to which every record was handed over:
	 * {@code until} for a partition read to its end
	 */
	public static Map<TopicPartition, Long> read(Consumer<byte[], byte[]> consumer, Map<TopicPartition, Long> from,
			Map<TopicPartition, Long> until, Duration timeout,
			java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
		Map<TopicPartition, Long> reached = new HashMap<>(from);
		List<TopicPartition> remaining = new ArrayList<>(until.keySet()
			.stream()
			.filter((partition) -> from.get(partition) != null && from.get(partition) < until.get(partition))
			.toList());
		consumer.assign(remaining);
		remaining.forEach((partition) -> consumer.seek(partition, from.get(partition)));
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!remaining.isEmpty() && System.nanoTime() - deadline < 0) {
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
				TopicPartition partition = new TopicPartition(record.topic(), record.partition());
				if (record.offset() < until.get(partition)) {
					each.accept(record);
					reached.put(partition, record.offset() + 1);
				}
			}
			List<TopicPartition> done = remaining.stream()
				.filter((partition) -> consumer.position(partition) >= until.get(partition))
				.toList();
			done.forEach((partition) -> reached.put(partition, until.get(partition)));
			consumer.pause(done);
			remaining.removeAll(done);
		}
		consumer.resume(consumer.paused());
		return reached;
	}

	/** The partitions not read to their end. */
	public static List<TopicPartition> unfinished(Map<TopicPartition, Long> reached, Map<TopicPartition, Long> until) {
		return until.keySet()
			.stream()
			.filter((partition) -> reached.getOrDefault(partition, until.get(partition)) < until.get(partition))
			.toList();
	}

	private static void orThrow(Map<TopicPartition, Long> reached, Map<TopicPartition, Long> until, Duration timeout) {
		List<TopicPartition> unfinished = unfinished(reached, until);
		if (!unfinished.isEmpty()) {
			throw new TimeoutException("could not read " + unfinished + " to its end within " + timeout);
		}
	}

}
