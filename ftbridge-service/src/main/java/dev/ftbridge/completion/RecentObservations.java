package dev.ftbridge.completion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The sync and run events of the last few minutes, so that an operation read after the
 * webhook that ends it (it was recorded by another instance, and its record arrived late)
 * still ends.
 */
final class RecentObservations {

	private final Duration retention;

	private final Deque<ReceivedObservation> entries = new ArrayDeque<>();

	RecentObservations(Duration retention) {
		this.retention = retention;
	}

	void add(ReceivedObservation received) {
		this.entries.addLast(received);
	}

	/** The events about an operation's resource, oldest first. */
	List<Observation> about(PendingOperation operation) {
		return this.entries.stream()
			.map(ReceivedObservation::observation)
			.filter((observation) -> CompletionRules.concerns(observation, operation))
			.toList();
	}

	void prune(Instant now) {
		Instant cutoff = now.minus(this.retention);
		while (!this.entries.isEmpty() && this.entries.peekFirst().receivedAt().isBefore(cutoff)) {
			this.entries.removeFirst();
		}
	}

}
