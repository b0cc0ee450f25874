package dev.ftbridge.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one partition from the first record at or after a time to the end it has now: how
 * the command ledger and the pending operations learn what the result topic already
 * holds.
 */
public final class PartitionScan {

	private PartitionScan() {
	}

	/** Hands every record of the partition from {@code from} to its current end. */
	public static void since(Consumer<byte[], byte[]> consumer, TopicPartition partition, Instant from,
			java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
		consumer.assign(List.of(partition));
		long end = consumer.endOffsets(List.of(partition)).get(partition);
		OffsetAndTimestamp start = consumer.offsetsForTimes(Map.of(partition, from.toEpochMilli())).get(partition);
		if (start == null) {
			return;
		}
		consumer.seek(partition, start.offset());
		while (consumer.position(partition) < end) {
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
				each.accept(record);
			}
		}
	}

}
