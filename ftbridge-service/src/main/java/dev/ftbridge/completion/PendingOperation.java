package dev.ftbridge.completion;

import java.time.Duration;
import java.time.Instant;

import dev.ftbridge.contract.AccountName;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.ConnectionName;

/**
 * An asynchronous command that Fivetran accepted and that has no terminal result yet:
 * what it is, when it counts from, and what the bridge has learned about it so far.
 *
 * @param commandId the command's id
 * @param commandType the command's type
 * @param key the command's Kafka key (the terminal result is published under it)
 * @param partition the command record's partition (the terminal result is published to
 * it), or null for an operation recorded before operations named it
 * @param resource what kind of resource it acts on
 * @param resourceId the connection or transformation id
 * @param acceptedAt when Fivetran accepted it; only events created after it count
 * @param deadline when it is reported {@code TIMED_OUT}
 * @param receivedAt when the bridge read the command
 * @param startedAt when the bridge started executing it
 * @param attempts Fivetran calls made for it so far
 * @param syncId the sync it started, once a {@code sync_start} said so
 * @param failure a {@code FAILED} sync waiting for Fivetran's retry, or null
 * @param reschedule what a rescheduled sync still needs
 * @param rescheduledFor when the rescheduled sync is due (and, for a manual schedule,
 * when the bridge triggers it)
 * @param cancelOnTimeout whether a transformation run is cancelled at Fivetran when it
 * times out (the run command's {@code cancel_on_timeout})
 * @param connection the connection's name when the command addressed it by name (its
 * terminal result carries it like its first), or null
 * @param account the Fivetran account it is polled, triggered and cancelled through
 * ({@code default} for an operation recorded before accounts)
 */
record PendingOperation(String commandId, String commandType, String key, Integer partition, Resource resource,
		String resourceId, Instant acceptedAt, Instant deadline, Instant receivedAt, Instant startedAt, int attempts,
		String syncId, HeldFailure failure, Reschedule reschedule, Instant rescheduledFor, boolean cancelOnTimeout,
		ConnectionName connection, String account) {

	PendingOperation {
		reschedule = (reschedule != null) ? reschedule : Reschedule.NONE;
		account = (account != null) ? account : AccountName.DEFAULT;
	}

	/** An operation of the default account. */
	PendingOperation(String commandId, String commandType, String key, Integer partition, Resource resource,
			String resourceId, Instant acceptedAt, Instant deadline, Instant receivedAt, Instant startedAt,
			int attempts, String syncId, HeldFailure failure, Reschedule reschedule, Instant rescheduledFor,
			boolean cancelOnTimeout) {
		this(commandId, commandType, key, partition, resource, resourceId, acceptedAt, deadline, receivedAt, startedAt,
				attempts, syncId, failure, reschedule, rescheduledFor, cancelOnTimeout, null, AccountName.DEFAULT);
	}

	/**
	 * The operation an {@code ACCEPTED} result starts, or null if it names no resource.
	 */
	static PendingOperation accepted(String key, int partition, CommandResult result, Duration timeout) {
		return accepted(key, partition, result, timeout, result.finishedAt());
	}

	/**
	 * The operation an {@code ACCEPTED} result starts, counting events from
	 * {@code acceptedAt} (for a reconciled command: when it was first started), or null
	 * if it names no resource.
	 */
	static PendingOperation accepted(String key, int partition, CommandResult result, Duration timeout,
			Instant acceptedAt) {
		Resource resource = (result.transformationId() != null) ? Resource.TRANSFORMATION : Resource.CONNECTION;
		String resourceId = (resource == Resource.TRANSFORMATION) ? result.transformationId() : result.connectionId();
		if (resourceId == null || resourceId.isEmpty()) {
			return null;
		}
		return new PendingOperation(result.commandId(), result.commandType(), key, partition, resource, resourceId,
				acceptedAt, result.finishedAt().plus(timeout), result.receivedAt(), result.startedAt(),
				result.attempts(), null, null, Reschedule.NONE, null, false, result.connection(), result.account());
	}

	/**
	 * The record key in the pending-operations topic: one key per operation, so that
	 * compaction keeps every open one and a tombstone removes exactly one.
	 */
	String recordKey() {
		return recordKey(this.resourceId, this.commandId);
	}

	static String recordKey(String resourceId, String commandId) {
		return resourceId + "/" + commandId;
	}

	PendingOperation withSyncId(String syncId) {
		return new PendingOperation(this.commandId, this.commandType, this.key, this.partition, this.resource,
				this.resourceId, this.acceptedAt, this.deadline, this.receivedAt, this.startedAt, this.attempts, syncId,
				this.failure, this.reschedule, this.rescheduledFor, this.cancelOnTimeout, this.connection,
				this.account);
	}

	PendingOperation withFailure(HeldFailure failure) {
		return new PendingOperation(this.commandId, this.commandType, this.key, this.partition, this.resource,
				this.resourceId, this.acceptedAt, this.deadline, this.receivedAt, this.startedAt, this.attempts,
				this.syncId, failure, this.reschedule, this.rescheduledFor, this.cancelOnTimeout, this.connection,
				this.account);
	}

	/**
	 * Rescheduled: the sync it waited for will not end now; the next one may have a new
	 * sync id.
	 */
	PendingOperation withReschedule(Reschedule reschedule, Instant rescheduledFor) {
		String sync = (reschedule == Reschedule.NONE) ? this.syncId : null;
		return new PendingOperation(this.commandId, this.commandType, this.key, this.partition, this.resource,
				this.resourceId, this.acceptedAt, this.deadline, this.receivedAt, this.startedAt, this.attempts, sync,
				this.failure, reschedule, rescheduledFor, this.cancelOnTimeout, this.connection, this.account);
	}

	/** The bridge triggered the rescheduled sync itself (one more Fivetran call). */
	PendingOperation retriggered() {
		return new PendingOperation(this.commandId, this.commandType, this.key, this.partition, this.resource,
				this.resourceId, this.acceptedAt, this.deadline, this.receivedAt, this.startedAt, this.attempts + 1,
				null, this.failure, Reschedule.NONE, null, this.cancelOnTimeout, this.connection, this.account);
	}

	/**
	 * The same operation, cancelled at Fivetran on timeout when {@code cancel} says so.
	 */
	PendingOperation cancellingOnTimeout(boolean cancel) {
		return new PendingOperation(this.commandId, this.commandType, this.key, this.partition, this.resource,
				this.resourceId, this.acceptedAt, this.deadline, this.receivedAt, this.startedAt, this.attempts,
				this.syncId, this.failure, this.reschedule, this.rescheduledFor, cancel, this.connection, this.account);
	}

	/**
	 * Whether its timeout is followed by a cancel at Fivetran (transformation runs only).
	 */
	boolean cancelsOnTimeout() {
		return this.cancelOnTimeout && this.resource == Resource.TRANSFORMATION;
	}

	/**
	 * Whether it is a sensor ({@code fivetran.connection.await}): it started no sync, so
	 * the bridge never triggers one for it, and a failed sync ends it at once.
	 */
	boolean sensor() {
		return CommandType.CONNECTION_AWAIT.type().equals(this.commandType);
	}

	/** The kind of resource an operation acts on. */
	enum Resource {

		CONNECTION, TRANSFORMATION

	}

	/** What a rescheduled sync still needs from the bridge. */
	enum Reschedule {

		/** Not rescheduled. */
		NONE,

		/** Rescheduled; the connection's schedule type is not known yet. */
		CHECK_SCHEDULE,

		/** Manual schedule: the bridge triggers the sync at {@code rescheduledFor}. */
		RETRIGGER,

		/** Automatic schedule: Fivetran runs it again by itself. */
		WAIT

	}

	/**
	 * A sync that ended {@code FAILED}; Fivetran retries those itself, so the command
	 * fails only if no retry succeeds before {@code until}.
	 *
	 * @param syncId the failed sync, if known
	 * @param reason Fivetran's reason
	 * @param failedAt when it failed (Fivetran's time)
	 * @param until when the command is reported {@code FAILED} if nothing succeeded
	 */
	record HeldFailure(String syncId, String reason, Instant failedAt, Instant until) {

	}

}
