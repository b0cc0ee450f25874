package dev.ftbridge.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code limit} admissions in any {@code window} of sandbox time, as a rolling
 * window (not fixed buckets): an admission frees its slot exactly one window after it
 * happened. Not thread-safe; {@link RateLimiter} guards it.
 */
final class RollingWindow {

	private final int limit;

	private final long windowNanos;

	private final long[] admitted;

	private int head;

	private int size;

	RollingWindow(int limit, Duration window) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1, was " + limit);
		}
		this.limit = limit;
		this.windowNanos = window.toNanos();
		this.admitted = new long[limit];
	}

	int limit() {
		return this.limit;
	}

	/** How long until a slot is free: zero when one is free now. */
	Duration waitTime(Instant now) {
		expire(now);
		if (this.size < this.limit) {
			return Duration.ZERO;
		}
		return Duration.ofNanos(this.admitted[this.head] + this.windowNanos - nanos(now));
	}

	/** Takes a slot; call only after {@link #waitTime} said one is free. */
	void admit(Instant now) {
		expire(now);
		if (this.size == this.limit) {
			throw new IllegalStateException("window is full");
		}
		this.admitted[(this.head + this.size) % this.limit] = nanos(now);
		this.size++;
	}

	int remaining(Instant now) {
		expire(now);
		return this.limit - this.size;
	}

	void clear() {
		this.head = 0;
		this.size = 0;
	}

	private void expire(Instant now) {
		long cutoff = nanos(now) - this.windowNanos;
		while (this.size > 0 && this.admitted[this.head] <= cutoff) {
			this.head = (this.head + 1) % this.limit;
			this.size--;
		}
	}

	private static long nanos(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

}
