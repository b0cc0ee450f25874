package dev.ftbridge.kafka;

import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a reader of the bridge's own topics reports a record it cannot read: it is
 * skipped, logged and counted ({@value #METER}, tagged by topic), so one bad record never
 * stops a partition from being loaded.
 */
public final class UnreadableRecords {

	/** The counter of skipped records. */
	public static final String METER = "ftbridge.records.unreadable";

	private static final Logger log = LoggerFactory.getLogger(UnreadableRecords.class);

	private UnreadableRecords() {
	}

	/**
	 * Counts a skipped record.
	 * @param topic the topic it was read from
	 * @param partition its partition
	 * @param offset its offset, or -1 when unknown
	 * @param why why it cannot be read (no record data in it)
	 */
	public static void skipped(String topic, int partition, long offset, String why) {
		log.warn("Skipped an unreadable record of {}-{}@{}: {}", topic, partition, offset, why);
		Metrics.counter(METER, "topic", topic).increment();
	}

}
