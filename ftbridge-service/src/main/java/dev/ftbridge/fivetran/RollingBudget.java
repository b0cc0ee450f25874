package dev.ftbridge.fivetran;

import java.util.Map;
import java.util.TreeMap;

/**
 * At most {@code limit} permits in any window of {@code windowMillis}, rolling as
 * Fivetran counts: a permit taken at t frees again at t + window. Fivetran counts a call
 * when it receives it, which can be later than when the permit was taken, so a permit's
 * time moves to the moment its answer arrived ({@link #move}): the budget never frees a
 * permit before Fivetran does. Not thread-safe; the {@link Throttle} guards it.
 */
final class RollingBudget {

	private final int accountLimit;

	private final long windowMillis;

	/** Permit times → how many permits were taken at that time. */
	private final TreeMap<Long, Integer> taken = new TreeMap<>();

	private int size;

	private int limit;

	RollingBudget(int accountLimit, long windowMillis) {
		this.accountLimit = accountLimit;
		this.windowMillis = windowMillis;
		this.limit = accountLimit;
	}

	int limit() {
		return this.limit;
	}

	long windowMillis() {
		return this.windowMillis;
	}

	/** This instance's part of the account limit (at least one permit per window). */
	void share(double share) {
		this.limit = Math.max(1, (int) Math.floor(this.accountLimit * share));
	}

	/**
	 * How long until a permit is free, keeping {@code reserve} permits back (0: one is
	 * free now).
	 */
	long waitMillis(long now, int reserve) {
		expire(now);
		int available = this.limit - reserve - this.size;
		if (available > 0) {
			return 0;
		}
		if (this.size == 0) {
			// the reserve alone uses up the limit: wait a whole window
			return this.windowMillis;
		}
		// the slot needed frees when the (1 - available)-th oldest permit leaves the
		// window
		int needed = Math.min(this.size, 1 - available);
		int seen = 0;
		for (Map.Entry<Long, Integer> entry : this.taken.entrySet()) {
			seen += entry.getValue();
			if (seen >= needed) {
				return Math.max(1, entry.getKey() + this.windowMillis - now);
			}
		}
		return this.windowMillis;
	}

	void grant(long now) {
		this.taken.merge(now, 1, Integer::sum);
		this.size++;
	}

	/** A permit taken at {@code from} is counted from {@code to} instead (to ≥ from). */
	void move(long from, long to) {
		Integer count = this.taken.get(from);
		if (count == null || to <= from) {
			return;
		}
		if (count == 1) {
			this.taken.remove(from);
		}
		else {
			this.taken.put(from, count - 1);
		}
		this.taken.merge(to, 1, Integer::sum);
	}

	int remaining(long now) {
		expire(now);
		return Math.max(0, this.limit - this.size);
	}

	private void expire(long now) {
		while (!this.taken.isEmpty() && this.taken.firstKey() + this.windowMillis <= now) {
			this.size -= this.taken.pollFirstEntry().getValue();
		}
	}

}
