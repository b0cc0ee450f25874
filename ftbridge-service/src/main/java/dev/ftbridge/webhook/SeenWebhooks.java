package dev.ftbridge.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The dedup keys of one partition's webhooks received within the window. Records arrive
 * in offset order, so the oldest key is always at the head and pruning is cheap.
 */
final class SeenWebhooks {

	private final Duration window;

	private final Set<String> keys = new HashSet<>();

	private final Deque<Seen> order = new ArrayDeque<>();

	SeenWebhooks(Duration window) {
		this.window = window;
	}

	boolean contains(String key) {
		return this.keys.contains(key);
	}

	/** Remembers a key received at a time, and forgets those now outside the window. */
	void add(String key, Instant receivedAt) {
		if (this.keys.add(key)) {
			this.order.addLast(new Seen(key, receivedAt));
		}
		prune(receivedAt);
	}

	void prune(Instant now) {
		Instant cutoff = now.minus(this.window);
		while (!this.order.isEmpty() && this.order.peekFirst().receivedAt().isBefore(cutoff)) {
			this.keys.remove(this.order.removeFirst().key());
		}
	}

	int size() {
		return this.keys.size();
	}

	private record Seen(String key, Instant receivedAt) {

	}

}
