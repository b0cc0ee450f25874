package dev.ftbridge.completion;

import java.time.Duration;
import java.time.Instant;

import dev.ftbridge.contract.CommandResult;

/**
 * Where the command path records an asynchronous operation that Fivetran accepted, so
 * that its terminal result follows later.
 */
public interface PendingOperations {

	/**
	 * Records the operation durably; returns only once the broker has it, so the
	 * {@code ACCEPTED} result may then be published. Throws
	 * {@link dev.ftbridge.kafka.KafkaSendException} when the broker does not take it.
	 * @param key the command's Kafka key, under which the terminal result is published
	 * @param partition the command record's partition, to which the terminal result is
	 * published
	 * @param accepted the command's {@code ACCEPTED} result
	 * @param cancelOnTimeout whether a transformation run is cancelled at Fivetran when
	 * it times out
	 */
	void accepted(String key, int partition, CommandResult accepted, boolean cancelOnTimeout);

	/**
	 * Records the operation of a command reconciled after a crash: its events count from
	 * when it was first started, and it is followed only if its command has no terminal
	 * result yet (the operation recorded before the crash may already have ended it).
	 * @param key the command's Kafka key
	 * @param partition the command record's partition
	 * @param accepted the command's {@code ACCEPTED} result from the reconciliation
	 * @param startedAt when the command was first started
	 * @param cancelOnTimeout whether a transformation run is cancelled at Fivetran when
	 * it times out
	 */
	void reconciled(String key, int partition, CommandResult accepted, Instant startedAt, boolean cancelOnTimeout);

	/**
	 * Records a sensor's operation ({@code fivetran.connection.await}): it started no
	 * sync, counts sync ends from {@code after} and never triggers one.
	 * @param key the command's Kafka key
	 * @param partition the command record's partition
	 * @param accepted the command's {@code ACCEPTED} result
	 * @param after only a sync that ended after it counts
	 * @param timeout how long to wait, or null for the bridge's operations timeout
	 */
	default void awaiting(String key, int partition, CommandResult accepted, Instant after, Duration timeout) {
		accepted(key, partition, accepted, false);
	}

}
