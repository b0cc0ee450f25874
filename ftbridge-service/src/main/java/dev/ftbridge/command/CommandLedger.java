package dev.ftbridge.command;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which command ids this instance's partitions have already executed, and how they ended,
 * within the dedup window: rebuilt from the result topic (co-partitioned with the command
 * topic) when a partition is assigned, and kept up to date as commands finish. Memory is
 * bounded by the window.
 */
class CommandLedger {

	/**
	 * The mark of a costly command whose Fivetran call may have been sent, with no result
	 * yet.
	 */
	static final String STARTED = "STARTED";

	private final Map<Integer, Map<String, Entry>> partitions = new ConcurrentHashMap<>();

	private final Duration window;

	CommandLedger(Duration window) {
		this.window = window;
	}

	/**
	 * How the command ended before, or {@code null} when it was not executed in the
	 * window.
	 */
	String outcome(int partition, String commandId, Instant now) {
		Map<String, Entry> entries = this.partitions.get(partition);
		if (entries == null) {
			return null;
		}
		synchronized (entries) {
			Entry entry = entries.get(commandId);
			return (entry != null && entry.at().plus(this.window).isAfter(now)) ? entry.outcome() : null;
		}
	}

	/**
	 * Records a command's first outcome (later ones, e.g. a terminal result, do not
	 * replace it); an outcome replaces a {@link #STARTED} mark.
	 * @param offset the offset of the command record that produced it, or -1 if unknown
	 */
	void record(int partition, String commandId, String outcome, Instant at, long offset) {
		Map<String, Entry> entries = this.partitions.computeIfAbsent(partition, (p) -> new LinkedHashMap<>());
		synchronized (entries) {
			Entry existing = entries.get(commandId);
			if (existing != null && !STARTED.equals(existing.outcome())) {
				// a later result of the same command (e.g. a reconciled one) still names
				// a record of it
				existing.answered(offset);
			}
			else if (existing == null || !STARTED.equals(outcome)) {
				entries.remove(commandId);
				Entry entry = new Entry(outcome, at, new HashSet<>());
				if (existing != null) {
					// the started mark's record answered by this outcome
					entry.offsets().addAll(existing.offsets());
				}
				entry.answered(offset);
				entries.put(commandId, entry);
			}
			expire(entries, at);
		}
	}

	/**
	 * Whether the command's recorded outcome came from this very record: Kafka delivered
	 * it again (its offset was not committed before a restart or rebalance), rather than
	 * someone publishing the command again.
	 */
	boolean sameRecord(int partition, String commandId, long offset) {
		Map<String, Entry> entries = this.partitions.get(partition);
		if (entries == null || offset < 0) {
			return false;
		}
		synchronized (entries) {
			Entry entry = entries.get(commandId);
			return entry != null && !STARTED.equals(entry.outcome()) && entry.offsets().contains(offset);
		}
	}

	/**
	 * Another record of the command (a copy published again) was answered with
	 * {@code DUPLICATE}: if Kafka delivers that record again, it is recognised too.
	 */
	void answered(int partition, String commandId, long offset) {
		Map<String, Entry> entries = this.partitions.get(partition);
		if (entries != null) {
			synchronized (entries) {
				Entry entry = entries.get(commandId);
				if (entry != null) {
					entry.answered(offset);
				}
			}
		}
	}

	/** When a command marked {@link #STARTED} started, or {@code null}. */
	Instant startedAt(int partition, String commandId) {
		Map<String, Entry> entries = this.partitions.get(partition);
		if (entries == null) {
			return null;
		}
		synchronized (entries) {
			Entry entry = entries.get(commandId);
			return (entry != null && STARTED.equals(entry.outcome())) ? entry.at() : null;
		}
	}

	/**
	 * A started mark was tombstoned: the command finished (its result is in the result
	 * topic).
	 */
	void unmark(int partition, String commandId) {
		Map<String, Entry> entries = this.partitions.get(partition);
		if (entries != null) {
			synchronized (entries) {
				Entry entry = entries.get(commandId);
				if (entry != null && STARTED.equals(entry.outcome())) {
					entries.remove(commandId);
				}
			}
		}
	}

	void forget(int partition) {
		this.partitions.remove(partition);
	}

	Duration window() {
		return this.window;
	}

	private void expire(Map<String, Entry> entries, Instant now) {
		Iterator<Entry> oldest = entries.values().iterator();
		while (oldest.hasNext()) {
			if (oldest.next().at().plus(this.window).isAfter(now)) {
				return;
			}
			oldest.remove();
		}
	}

	/** An outcome, when, and the offsets of the command's records already answered. */
	private record Entry(String outcome, Instant at, Set<Long> offsets) {

		void answered(long offset) {
			if (offset >= 0) {
				this.offsets.add(offset);
			}
		}

	}

}
