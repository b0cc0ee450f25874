package dev.ftbridge.completion;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.ftbridge.kafka.UnreadableRecords;

/**
 * The pending-operations side of the inbox consumer: its records go to the
 * {@link OperationTracker}, and a newly assigned partition is restored from what it
 * holds. The webhook module runs one listener over both topics (so that a resource's
 * webhooks and operations meet on one thread) and hands this the operation records.
 */
public class PendingOperationsConsumer {

	private final String topic;

	private final OperationTracker tracker;

	PendingOperationsConsumer(String topic, OperationTracker tracker) {
		this.topic = topic;
		this.tracker = tracker;
	}

	/** The pending-operations topic. */
	public String topic() {
		return this.topic;
	}

	/** A record read after the partition was restored (a null value is a tombstone). */
	public void onRecord(ConsumerRecord<byte[], byte[]> record) {
		this.tracker.read(record.partition(), text(record.key()), record.value());
	}

	/**
	 * The partition is now this instance's: its operations are rebuilt from the records
	 * read back (oldest first; up to its end unless the restore ran out of time, and then
	 * the rest comes through {@link #onRecord}), then checked against the recent webhook
	 * events.
	 */
	public void restore(int partition, List<ConsumerRecord<byte[], byte[]>> records, List<ReceivedObservation> recent) {
		this.tracker.assigned(partition, records.stream().map(PendingOperationsConsumer::stored).toList(), recent);
	}

	/** The partition went to another instance. */
	public void revoked(int partition) {
		this.tracker.revoked(partition);
	}

	/** A pending-operation record as read; one this version cannot read is counted. */
	private static StoredOperation stored(ConsumerRecord<byte[], byte[]> record) {
		StoredOperation stored = new StoredOperation(text(record.key()), record.value());
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
