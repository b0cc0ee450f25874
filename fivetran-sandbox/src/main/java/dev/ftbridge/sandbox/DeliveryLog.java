package dev.ftbridge.sandbox;

import java.util.List;
import java.util.function.Predicate;

/**
 * Every webhook delivery attempt the sandbox made (up to a capacity; the oldest go
 * first): event deliveries and their retries, and the test deliveries of webhook creation
 * and {@code /test}. Also served as {@code GET /sandbox/deliveries}.
 */
public final class DeliveryLog {

	private final BoundedLog<DeliveryAttempt> entries;

	DeliveryLog(int capacity) {
		this.entries = new BoundedLog<>(capacity, DeliveryAttempt::withSequence);
	}

	void add(DeliveryAttempt attempt) {
		this.entries.add(attempt);
	}

	/** Every attempt, in the order they were made. */
	public List<DeliveryAttempt> attempts() {
		return this.entries.all();
	}

	public List<DeliveryAttempt> matching(Predicate<DeliveryAttempt> predicate) {
		return this.entries.matching(predicate);
	}

	/** The attempts to deliver that event type. */
	public List<DeliveryAttempt> forEvent(String event) {
		return matching((attempt) -> event.equals(attempt.event()));
	}

	public void clear() {
		this.entries.clear();
	}

}
