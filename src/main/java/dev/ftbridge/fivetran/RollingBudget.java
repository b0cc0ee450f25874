package dev.ftbridge.fivetran;

import java.util.ArrayDeque;

/**
 * At most {@code limit} permits in any window of {@code windowMillis}, rolling as
 * Fivetran counts: a permit granted at t frees again at t + window. Not thread-safe; the
 * {@link Throttle} guards it.
 */
final class RollingBudget {

	private final String name;

	private final int accountLimit;

	private final long windowMillis;

	private final ArrayDeque<Long> granted = new ArrayDeque<>();

	private int limit;

	RollingBudget(String name, int accountLimit, long windowMillis) {
		this.name = name;
		this.accountLimit = accountLimit;
		this.windowMillis = windowMillis;
		this.limit = accountLimit;
	}

	String name() {
		return this.name;
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
		int available = this.limit - reserve - this.granted.size();
		if (available > 0) {
			return 0;
		}
		if (this.granted.isEmpty()) {
			// the reserve alone exceeds the limit: wait a whole window
			return this.windowMillis;
		}
		// the permit that frees the needed slot is the (1 - available)-th oldest
		int index = Math.min(this.granted.size() - 1, -available);
		long freesAt = this.granted.stream().skip(index).findFirst().orElse(now) + this.windowMillis;
		return Math.max(1, freesAt - now);
	}

	void grant(long now) {
		this.granted.addLast(now);
	}

	int remaining(long now) {
		expire(now);
		return Math.max(0, this.limit - this.granted.size());
	}

	private void expire(long now) {
		while (!this.granted.isEmpty() && this.granted.peekFirst() + this.windowMillis <= now) {
			this.granted.pollFirst();
		}
	}

}
