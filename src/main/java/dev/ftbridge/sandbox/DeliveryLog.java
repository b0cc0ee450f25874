package dev.ftbridge.sandbox;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every webhook delivery attempt the sandbox made (up to a capacity; the oldest go
 * first): event deliveries and their retries, and the test deliveries of webhook creation
 * and {@code /test}. Also served as {@code GET /sandbox/deliveries}.
 */
public final class DeliveryLog {

	private final int capacity;

	private final ArrayDeque<DeliveryAttempt> entries = new ArrayDeque<>();

	private long sequence;

	DeliveryLog(int capacity) {
		this.capacity = capacity;
	}

	synchronized void add(DeliveryAttempt attempt) {
		if (this.entries.size() == this.capacity) {
			this.entries.removeFirst();
		}
		this.entries.addLast(attempt.withSequence(++this.sequence));
	}

	/** Every attempt, in the order they were made. */
	public synchronized List<DeliveryAttempt> attempts() {
		return List.copyOf(this.entries);
	}

	public List<DeliveryAttempt> matching(Predicate<DeliveryAttempt> predicate) {
		return attempts().stream().filter(predicate).toList();
	}

	/** The attempts to deliver that event type. */
	public List<DeliveryAttempt> forEvent(String event) {
		return matching((attempt) -> event.equals(attempt.event()));
	}

	public synchronized void clear() {
		this.entries.clear();
	}

}
