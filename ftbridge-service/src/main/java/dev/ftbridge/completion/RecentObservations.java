package dev.ftbridge.completion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sync and run events of the last few minutes, so that an operation read after the
 * webhook that ends it (it was recorded by another instance, and its record arrived late)
 * still ends. Bounded twice: by age ({@code retention}) and by count ({@code max}, per
 * partition); at the count bound the oldest event goes first. An operation whose ending
 * event was dropped that way still ends: by the next webhook about its resource, or by
 * polling Fivetran after {@code ftbridge.operations.poll-after}, as when no webhook
 * arrives at all. Events are indexed by resource, so looking one up does not scan the
 * others.
 */
final class RecentObservations {

	private final Duration retention;

	private final int max;

	private final Deque<ReceivedObservation> entries = new ArrayDeque<>();

	private final Map<String, Deque<ReceivedObservation>> byResource = new HashMap<>();

	private long dropped;

	RecentObservations(Duration retention, int max) {
		this.retention = retention;
		this.max = Math.max(1, max);
	}

	void add(ReceivedObservation received) {
		this.entries.addLast(received);
		this.byResource.computeIfAbsent(received.observation().resourceId(), (id) -> new ArrayDeque<>())
			.addLast(received);
		while (this.entries.size() > this.max) {
			removeOldest();
			this.dropped++;
		}
	}

	/** The events about an operation's resource, oldest first. */
	List<Observation> about(PendingOperation operation) {
		Deque<ReceivedObservation> events = this.byResource.get(operation.resourceId());
		if (events == null) {
			return List.of();
		}
		return events.stream()
			.map(ReceivedObservation::observation)
			.filter((observation) -> CompletionRules.concerns(observation, operation))
			.toList();
	}

	void prune(Instant now) {
		Instant cutoff = now.minus(this.retention);
		while (!this.entries.isEmpty() && this.entries.peekFirst().receivedAt().isBefore(cutoff)) {
			removeOldest();
		}
	}

	/** How many events are held now. */
	int size() {
		return this.entries.size();
	}

	/** How many events were dropped at the count bound before their time. */
	long dropped() {
		return this.dropped;
	}

	private void removeOldest() {
		ReceivedObservation oldest = this.entries.removeFirst();
		String resource = oldest.observation().resourceId();
		Deque<ReceivedObservation> events = this.byResource.get(resource);
		// the resource's own queue is in the same order, so its oldest is this one
		events.removeFirst();
		if (events.isEmpty()) {
			this.byResource.remove(resource);
		}
	}

}
