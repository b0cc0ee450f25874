package dev.ftbridge.completion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.ConnectionDetails;
import dev.ftbridge.fivetran.TransformationState;
import dev.ftbridge.completion.PendingOperation.Reschedule;

/**
 * The open operations of one partition and what ends them. Not thread-safe: the tracker
 * holds its monitor around every call. Memory is the truth for operations it knows; the
 * topic is read for operations it does not (recorded elsewhere) and for tombstones.
 */
final class PartitionOperations {

	private static final Logger log = LoggerFactory.getLogger(PartitionOperations.class);

	private final CompletionOutput output;

	private final OperationsProperties properties;

	private final Map<String, PendingOperation> open = new LinkedHashMap<>();

	private final Map<String, Instant> nextLookup = new HashMap<>();

	private final Map<String, Instant> nextRetrigger = new HashMap<>();

	/**
	 * Ended here; their own earlier records may still be read back before the tombstone.
	 */
	private final Set<String> closed = new HashSet<>();

	private final List<PendingOperation> unforgotten = new ArrayList<>();

	/** Operations whose terminal result may or may not have been published. */
	private final Set<String> inDoubt = new HashSet<>();

	private final RecentObservations recent;

	private boolean revoked;

	PartitionOperations(CompletionOutput output, OperationsProperties properties) {
		this.output = output;
		this.properties = properties;
		this.recent = new RecentObservations(properties.recentEvents(), properties.recentEventsMax());
	}

	/**
	 * Rebuilds the open operations from the partition's records, oldest first. An
	 * operation whose command already has a terminal result (its previous owner died
	 * between publishing it and removing the operation) is removed, not ended again.
	 */
	void restore(List<StoredOperation> records, List<ReceivedObservation> recentEvents, Instant now) {
		recentEvents.forEach(this.recent::add);
		this.recent.prune(now);
		Map<String, byte[]> latest = new LinkedHashMap<>();
		for (StoredOperation record : records) {
			if (record.value() == null) {
				latest.remove(record.key());
			}
			else {
				latest.put(record.key(), record.value());
			}
		}
		Map<String, PendingOperation> restored = new LinkedHashMap<>();
		latest.forEach((key, value) -> {
			PendingOperation operation = decode(key, value);
			if (operation != null) {
				restored.put(key, operation);
			}
		});
		Set<String> ended = ended(restored.values());
		restored.forEach((key, operation) -> {
			if (ended.contains(operation.commandId())) {
				removeEnded(operation);
			}
			else {
				opened(key, operation, now);
			}
		});
	}

	/**
	 * A record read from the topic after the partition was restored. One written by a
	 * reconciliation after a crash may be for a command that already ended.
	 */
	void read(String key, byte[] value, Instant now) {
		if (value == null) {
			this.closed.remove(key);
			forgetLocally(key);
		}
		else if (!this.open.containsKey(key) && !this.closed.contains(key)) {
			PendingOperation operation = decode(key, value);
			if (operation == null) {
				return;
			}
			if (OperationRecords.reconciled(value) && ended(List.of(operation)).contains(operation.commandId())) {
				removeEnded(operation);
				return;
			}
			opened(key, operation, now);
		}
	}

	private static PendingOperation decode(String key, byte[] value) {
		PendingOperation operation = OperationRecords.decode(value);
		if (operation == null) {
			log.warn("Pending operation {} is not readable; ignored", key);
		}
		return operation;
	}

	private Set<String> ended(Collection<PendingOperation> operations) {
		try {
			return this.output.ended(operations);
		}
		catch (RuntimeException ex) {
			log.warn("Could not read which of {} operations already ended; following all of them: {}",
					operations.size(), ex.getMessage());
			return Set.of();
		}
	}

	private void removeEnded(PendingOperation operation) {
		log.info("Command {} already has its terminal result; its pending operation is removed", operation.commandId());
		this.output.forget(operation);
	}

	private void opened(String key, PendingOperation operation, Instant now) {
		this.open.put(key, operation);
		this.nextLookup.put(key, operation.acceptedAt().plus(this.properties.pollAfter()));
		scheduleLookup(key, null, operation, now);
		try {
			for (Observation observation : this.recent.about(operation)) {
				PendingOperation current = this.open.get(key);
				if (current == null) {
					break;
				}
				apply(key, CompletionRules.observed(current, observation, now, this.properties.retryGrace()), now);
			}
		}
		catch (RuntimeException ex) {
			// unknown again, so that reading the record again replays the events again
			forgetLocally(key);
			throw ex;
		}
	}

	/** A webhook event, applied to every open operation on its resource. */
	void observed(ReceivedObservation received, Instant now) {
		this.recent.add(received);
		for (String key : List.copyOf(this.open.keySet())) {
			PendingOperation operation = this.open.get(key);
			if (operation != null && CompletionRules.concerns(received.observation(), operation)) {
				apply(key,
						CompletionRules.observed(operation, received.observation(), now, this.properties.retryGrace()),
						now);
			}
		}
	}

	/**
	 * Ends what the clock ends, and returns the lookups that are due (each at most once
	 * per poll interval).
	 */
	List<DueCall> due(Instant now) {
		forgetAgain();
		this.recent.prune(now);
		List<DueCall> due = new ArrayList<>();
		for (String key : List.copyOf(this.open.keySet())) {
			Decision decision = CompletionRules.onTick(this.open.get(key), now);
			if (cancelsFirst(this.open.get(key), decision)) {
				// the cancel is a call to Fivetran, made by the desk outside the lock;
				// the
				// operation ends after it
				due.add(new DueCall(key, this.open.get(key), false, (Decision.Complete) decision));
				continue;
			}
			apply(key, decision, now);
			PendingOperation operation = this.open.get(key);
			if (operation == null) {
				continue;
			}
			DueCall lookup = lookupFor(key, operation, now);
			if (lookup != null) {
				due.add(lookup);
			}
		}
		return due;
	}

	/**
	 * A re-trigger when one is due (tried again at most once per poll interval), else a
	 * poll when one is due.
	 */
	private DueCall lookupFor(String key, PendingOperation operation, Instant now) {
		Instant interval = now.plus(this.properties.pollInterval());
		if (operation.reschedule() == Reschedule.RETRIGGER && operation.rescheduledFor() != null
				&& !now.isBefore(operation.rescheduledFor())
				&& !now.isBefore(this.nextRetrigger.getOrDefault(key, Instant.MIN))) {
			this.nextRetrigger.put(key, interval);
			return new DueCall(key, operation, true, null);
		}
		if (now.isBefore(this.nextLookup.get(key))) {
			return null;
		}
		this.nextLookup.put(key, interval);
		return new DueCall(key, operation, false, null);
	}

	/**
	 * What a poll of a connection read; a status event follows when it changes anything.
	 */
	void polled(DueCall lookup, ConnectionDetails details, Instant now) {
		PendingOperation operation = this.open.get(lookup.key());
		if (operation == null) {
			return;
		}
		Decision decision = CompletionRules.polledConnection(operation, details, now, this.properties.retryGrace());
		if (decision instanceof Decision.None) {
			return;
		}
		this.output.status(PolledStatuses.connection(operation.resourceId(), details, operation.commandId(), now)
			.withAccount(operation.account()));
		apply(lookup.key(), decision, now);
	}

	/**
	 * What a poll of a transformation read; a status event follows when it changes
	 * anything.
	 */
	void polled(DueCall lookup, TransformationState details, Instant now) {
		PendingOperation operation = this.open.get(lookup.key());
		if (operation == null) {
			return;
		}
		Decision decision = CompletionRules.polledTransformation(operation, details);
		if (decision instanceof Decision.None) {
			return;
		}
		this.output.status(PolledStatuses.transformation(operation.resourceId(), details, now, operation.account()));
		apply(lookup.key(), decision, now);
	}

	/** A timed-out run whose command asked for it is cancelled before it ends. */
	private static boolean cancelsFirst(PendingOperation operation, Decision decision) {
		return operation.cancelsOnTimeout() && decision instanceof Decision.Complete end
				&& end.outcome() == Outcome.TIMED_OUT;
	}

	/** The bridge triggered a rescheduled sync. */
	void retriggered(DueCall lookup, Instant now) {
		PendingOperation operation = this.open.get(lookup.key());
		if (operation != null) {
			apply(lookup.key(), new Decision.Update(operation.retriggered()), now);
		}
	}

	/** Ends an operation for a reason found outside the rules (e.g. it is gone). */
	void end(DueCall lookup, Decision.Complete end, Instant now) {
		if (this.open.containsKey(lookup.key())) {
			apply(lookup.key(), end, now);
		}
	}

	private void apply(String key, Decision decision, Instant now) {
		if (this.revoked) {
			return;
		}
		if (decision instanceof Decision.Complete end) {
			complete(key, end, now);
		}
		else if (decision instanceof Decision.Update update) {
			PendingOperation before = this.open.get(key);
			this.output.persist(update.operation());
			this.open.put(key, update.operation());
			scheduleLookup(key, before, update.operation(), now);
		}
	}

	/**
	 * A rescheduled sync whose schedule type is not known yet: the details are read at
	 * the next tick.
	 */
	private void scheduleLookup(String key, PendingOperation before, PendingOperation after, Instant now) {
		Reschedule previous = (before != null) ? before.reschedule() : Reschedule.NONE;
		if (after.reschedule() == Reschedule.CHECK_SCHEDULE && previous != Reschedule.CHECK_SCHEDULE) {
			this.nextLookup.put(key, now);
		}
	}

	private void complete(String key, Decision.Complete end, Instant now) {
		PendingOperation operation = this.open.get(key);
		if (this.inDoubt.remove(key) && ended(List.of(operation)).contains(operation.commandId())) {
			// the earlier attempt did land: end it here without a second result
			forgetLocally(key);
			this.closed.add(key);
			removeEnded(operation);
			return;
		}
		try {
			this.output.result(operation, TerminalResults.of(operation, end, now));
		}
		catch (RuntimeException ex) {
			// The broker may have the result although the wait for it failed (a timeout,
			// an interrupt): before trying again, the result topic is asked.
			this.inDoubt.add(key);
			throw ex;
		}
		forgetLocally(key);
		this.closed.add(key);
		log.info("Command {} {} on {}: {}", operation.commandId(), operation.commandType(), operation.resourceId(),
				end.outcome());
		try {
			this.output.forget(operation);
		}
		catch (RuntimeException ex) {
			log.warn("Could not remove ended operation {}; trying again: {}", key, ex.getMessage());
			this.unforgotten.add(operation);
		}
	}

	private void forgetLocally(String key) {
		this.open.remove(key);
		this.nextLookup.remove(key);
		this.nextRetrigger.remove(key);
	}

	private void forgetAgain() {
		for (PendingOperation operation : List.copyOf(this.unforgotten)) {
			this.output.forget(operation);
			this.unforgotten.remove(operation);
		}
	}

	/** The partition went to another instance: nothing more is decided here. */
	void revoke() {
		this.revoked = true;
		this.open.clear();
	}

	int size() {
		return this.open.size();
	}

	Instant oldestAcceptedAt() {
		return this.open.values().stream().map(PendingOperation::acceptedAt).min(Instant::compareTo).orElse(null);
	}

	/**
	 * A call to Fivetran an open operation needs.
	 *
	 * @param key the operation's record key
	 * @param operation the operation when the lookup was planned
	 * @param retrigger whether to trigger a rescheduled sync (else: read details)
	 * @param timedOut the end of a timed-out run to cancel first (else null)
	 */
	record DueCall(String key, PendingOperation operation, boolean retrigger, Decision.Complete timedOut) {

	}

}
