package dev.ftbridge.webhook;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * A warning that may happen thousands of times a minute, written at most once per
 * interval with how many times it happened since the last line. The count itself is a
 * metric; the line only points at it.
 */
final class ThrottledLog {

	private final Logger log;

	private final long intervalNanos;

	private final AtomicLong since = new AtomicLong();

	private final AtomicLong next;

	ThrottledLog(Logger log, Duration interval) {
		this.log = log;
		this.intervalNanos = interval.toNanos();
		this.next = new AtomicLong(System.nanoTime());
	}

	/**
	 * Counts one occurrence and writes a line if the interval has passed; the message
	 * gets the count since the last line as its first argument.
	 */
	void warn(String message, Object... arguments) {
		this.since.incrementAndGet();
		long now = System.nanoTime();
		long due = this.next.get();
		if (now - due >= 0 && this.next.compareAndSet(due, now + this.intervalNanos)) {
			Object[] withCount = new Object[arguments.length + 1];
			withCount[0] = this.since.getAndSet(0);
			System.arraycopy(arguments, 0, withCount, 1, arguments.length);
			this.log.warn(message, withCount);
		}
	}

}
