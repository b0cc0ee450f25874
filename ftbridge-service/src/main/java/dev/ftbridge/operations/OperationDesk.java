package dev.ftbridge.operations;

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
 * {@link OperationBook} per partition. The webhook consumer hands it the partition's
 * operation records and webhook events on its own thread; a scheduler calls
 * {@link #tick()} for deadlines, polls and re-triggers. Calls to Fivetran are made
 * outside the partition's lock, so a slow poll never holds up the consumer.
 */
public class OperationDesk {

	private static final Logger log = LoggerFactory.getLogger(OperationDesk.class);

	private final Map<Integer, OperationBook> books = new ConcurrentHashMap<>();

	private final Outbox outbox;

	private final Lookups lookups;

	private final OperationsProperties properties;

	private final Clock clock;

	OperationDesk(Outbox outbox, Lookups lookups, OperationsProperties properties, Clock clock) {
		this.outbox = outbox;
		this.lookups = lookups;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The partition is now this instance's: its operations are rebuilt from every record
	 * of the partition up to its end (oldest first), then checked against the events of
	 * the last few minutes, which may already have ended some of them.
	 */
	public void assigned(int partition, List<Stored> operations, List<Received> recent) {
		OperationBook book = new OperationBook(this.outbox, this.properties);
		synchronized (book) {
			this.books.put(partition, book);
			book.restore(operations, recent, this.clock.instant());
		}
	}

	/** The partition went to another instance. */
	public void revoked(int partition) {
		OperationBook book = this.books.remove(partition);
		if (book != null) {
			synchronized (book) {
				book.revoke();
			}
		}
	}

	/** A record of the pending-operations topic (a null value is a tombstone). */
	public void read(int partition, String key, byte[] value) {
		OperationBook book = book(partition);
		synchronized (book) {
			book.read(key, value, this.clock.instant());
		}
	}

	/** A webhook event about a resource of the partition. */
	public void observed(int partition, Received received) {
		OperationBook book = book(partition);
		synchronized (book) {
			book.observed(received, this.clock.instant());
		}
	}

	/** Ends what the clock ends, then polls and re-triggers what is due. */
	void tick() {
		for (OperationBook book : this.books.values()) {
			try {
				List<OperationBook.Lookup> due;
				synchronized (book) {
					due = book.due(this.clock.instant());
				}
				due.forEach((lookup) -> lookUp(book, lookup));
			}
			catch (RuntimeException ex) {
				// e.g. the broker did not take a result: the operation stays open, and
				// the
				// next tick tries again
				log.warn("Following pending operations failed; trying again at the next tick", ex);
			}
		}
	}

	private void lookUp(OperationBook book, OperationBook.Lookup lookup) {
		PendingOperation operation = lookup.operation();
		if (lookup.timedOut() != null) {
			cancelThenEnd(book, lookup);
			return;
		}
		try {
			if (lookup.retrigger()) {
				this.lookups.sync(operation.resourceId());
				log.info("Triggered rescheduled sync of {} for command {}", operation.resourceId(),
						operation.commandId());
				synchronized (book) {
					book.retriggered(lookup, this.clock.instant());
				}
				return;
			}
			boolean connection = operation.resource() == PendingOperation.Resource.CONNECTION;
			if (connection) {
				ConnectionDetails details = this.lookups.connection(operation.resourceId());
				synchronized (book) {
					book.polled(lookup, details, this.clock.instant());
				}
			}
			else {
				TransformationState details = this.lookups.transformation(operation.resourceId());
				synchronized (book) {
					book.polled(lookup, details, this.clock.instant());
				}
			}
		}
		catch (FivetranException ex) {
			if (ex.notFound()) {
				synchronized (book) {
					book.end(lookup,
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
	private void cancelThenEnd(OperationBook book, OperationBook.Lookup lookup) {
		PendingOperation operation = lookup.operation();
		Decision.Complete end = lookup.timedOut();
		String cancel;
		try {
			this.lookups.cancelTransformation(operation.resourceId());
			cancel = "the run was cancelled at Fivetran (cancel_on_timeout)";
		}
		catch (FivetranException ex) {
			cancel = "cancelling the run at Fivetran failed: " + ex.getMessage();
		}
		log.info("Transformation {} of command {} timed out; {}", operation.resourceId(), operation.commandId(),
				cancel);
		Decision.Complete cancelled = new Decision.Complete(end.outcome(), end.syncId(), end.reason() + "; " + cancel,
				end.retryable(), end.response());
		synchronized (book) {
			book.end(lookup, cancelled, this.clock.instant());
		}
	}

	/** How many operations are open on this instance. */
	public int openOperations() {
		return this.books.values().stream().mapToInt((book) -> {
			synchronized (book) {
				return book.size();
			}
		}).sum();
	}

	/** How long the oldest open operation has waited, in seconds (0 when none). */
	public double oldestAgeSeconds() {
		Instant now = this.clock.instant();
		return this.books.values().stream().map((book) -> {
			synchronized (book) {
				return book.oldestAcceptedAt();
			}
		}).filter(Objects::nonNull).min(Instant::compareTo).map((oldest) -> seconds(oldest, now)).orElse(0.0);
	}

	private static double seconds(Instant from, Instant to) {
		return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
	}

	private OperationBook book(int partition) {
		return this.books.computeIfAbsent(partition, (ignored) -> new OperationBook(this.outbox, this.properties));
	}

	/**
	 * One record of the pending-operations topic.
	 *
	 * @param key the record key ({@code resource/command})
	 * @param value the record value, or null for a tombstone
	 */
	public record Stored(String key, byte[] value) {

		/** Whether the value is a tombstone or an operation this version can read. */
		public boolean readable() {
			return this.value == null || OperationRecords.decode(this.value) != null;
		}

	}

	/**
	 * A webhook event and when the bridge received it.
	 *
	 * @param observation the event
	 * @param receivedAt when it was received
	 */
	public record Received(Observation observation, Instant receivedAt) {

	}

}
