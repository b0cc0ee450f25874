package dev.ftbridge.completion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.ConnectionDetails;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.TransformationState;

/**
 * Follows the open operations of the partitions this instance owns, one
 * {@link PartitionOperations} per partition. The webhook consumer hands it the
 * partition's operation records and webhook events on its own thread; a scheduler calls
 * {@link #tick()} for deadlines, polls and re-triggers. Calls to Fivetran are made
 * outside the partition's lock, so a slow poll never holds up the consumer.
 */
public class OperationTracker {

	private static final Logger log = LoggerFactory.getLogger(OperationTracker.class);

	private final Map<Integer, PartitionOperations> byPartition = new ConcurrentHashMap<>();

	private final CompletionOutput output;

	private final OperationCalls calls;

	private final OperationsProperties properties;

	private final Clock clock;

	OperationTracker(CompletionOutput output, OperationCalls calls, OperationsProperties properties, Clock clock) {
		this.output = output;
		this.calls = calls;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The partition is now this instance's: its operations are rebuilt from every record
	 * of the partition up to its end (oldest first), then checked against the events of
	 * the last few minutes, which may already have ended some of them.
	 */
	public void assigned(int partition, List<StoredOperation> operations, List<ReceivedObservation> recent) {
		PartitionOperations tracked = new PartitionOperations(this.output, this.properties);
		synchronized (tracked) {
			this.byPartition.put(partition, tracked);
			tracked.restore(operations, recent, this.clock.instant());
		}
	}

	/** The partition went to another instance. */
	public void revoked(int partition) {
		PartitionOperations tracked = this.byPartition.remove(partition);
		if (tracked != null) {
			synchronized (tracked) {
				tracked.revoke();
			}
		}
	}

	/** A record of the pending-operations topic (a null value is a tombstone). */
	public void read(int partition, String key, byte[] value) {
		PartitionOperations tracked = tracked(partition);
		synchronized (tracked) {
			tracked.read(key, value, this.clock.instant());
		}
	}

	/** A webhook event about a resource of the partition. */
	public void observed(int partition, ReceivedObservation received) {
		PartitionOperations tracked = tracked(partition);
		synchronized (tracked) {
			tracked.observed(received, this.clock.instant());
		}
	}

	/** Ends what the clock ends, then polls and re-triggers what is due. */
	void tick() {
		for (PartitionOperations tracked : this.byPartition.values()) {
			try {
				List<PartitionOperations.DueCall> due;
				synchronized (tracked) {
					due = tracked.due(this.clock.instant());
				}
				due.forEach((lookup) -> lookUp(tracked, lookup));
			}
			catch (RuntimeException ex) {
				// e.g. the broker did not take a result: the operation stays open, and
				// the
				// next tick tries again
				log.warn("Following pending operations failed; trying again at the next tick", ex);
			}
		}
	}

	private void lookUp(PartitionOperations tracked, PartitionOperations.DueCall lookup) {
		PendingOperation operation = lookup.operation();
		if (lookup.timedOut() != null) {
			cancelThenEnd(tracked, lookup);
			return;
		}
		try {
			if (lookup.retrigger()) {
				this.calls.account(operation.account()).triggerSync(operation.resourceId());
				log.info("Triggered rescheduled sync of {} for command {}", operation.resourceId(),
						operation.commandId());
				synchronized (tracked) {
					tracked.retriggered(lookup, this.clock.instant());
				}
				return;
			}
			boolean connection = operation.resource() == PendingOperation.Resource.CONNECTION;
			if (connection) {
				ConnectionDetails details = this.calls.account(operation.account()).connection(operation.resourceId());
				synchronized (tracked) {
					tracked.polled(lookup, details, this.clock.instant());
				}
			}
			else {
				TransformationState details = this.calls.account(operation.account())
					.transformation(operation.resourceId());
				synchronized (tracked) {
					tracked.polled(lookup, details, this.clock.instant());
				}
			}
		}
		catch (FivetranException ex) {
			if (ex.notFound()) {
				synchronized (tracked) {
					tracked.end(lookup,
							new Decision.Complete(Outcome.FAILED, operation.syncId(),
									operation.resourceId() + " no longer exists at Fivetran (404)", false, null),
							this.clock.instant());
				}
			}
			else {
				log.info("Looking up {} for command {} failed; trying again later: {}", operation.resourceId(),
						operation.commandId(), ex.getMessage());
			}
		}
	}

	/**
	 * A transformation run timed out and its command asked for a cancel: Fivetran is
	 * asked to stop it, then the command ends {@code TIMED_OUT} saying whether the cancel
	 * went through. A cancel that fails does not keep the command open.
	 */
	private void cancelThenEnd(PartitionOperations tracked, PartitionOperations.DueCall lookup) {
		PendingOperation operation = lookup.operation();
		Decision.Complete end = lookup.timedOut();
		String cancel;
		try {
			this.calls.account(operation.account()).cancelTransformation(operation.resourceId());
			cancel = "the run was cancelled at Fivetran (cancel_on_timeout)";
		}
		catch (FivetranException ex) {
			cancel = "cancelling the run at Fivetran failed: " + ex.getMessage();
		}
		log.info("Transformation {} of command {} timed out; {}", operation.resourceId(), operation.commandId(),
				cancel);
		Decision.Complete cancelled = new Decision.Complete(end.outcome(), end.syncId(), end.reason() + "; " + cancel,
				end.retryable(), end.response());
		synchronized (tracked) {
			tracked.end(lookup, cancelled, this.clock.instant());
		}
	}

	/** How many operations are open on this instance. */
	public int openOperations() {
		return this.byPartition.values().stream().mapToInt((tracked) -> {
			synchronized (tracked) {
				return tracked.size();
			}
		}).sum();
	}

	/** How long the oldest open operation has waited, in seconds (0 when none). */
	public double oldestAgeSeconds() {
		Instant now = this.clock.instant();
		return this.byPartition.values().stream().map((tracked) -> {
			synchronized (tracked) {
				return tracked.oldestAcceptedAt();
			}
		}).filter(Objects::nonNull).min(Instant::compareTo).map((oldest) -> seconds(oldest, now)).orElse(0.0);
	}

	private static double seconds(Instant from, Instant to) {
		return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
	}

	private PartitionOperations tracked(int partition) {
		return this.byPartition.computeIfAbsent(partition,
				(ignored) -> new PartitionOperations(this.output, this.properties));
	}

}
