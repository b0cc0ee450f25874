package dev.ftbridge.completion;

import java.util.Collection;
import java.util.Set;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.contract.TransformationStatusObserved;

/**
 * Everything following an operation writes; each call returns once the broker has it, or
 * throws {@link dev.ftbridge.kafka.KafkaSendException}.
 */
interface CompletionOutput {

	/**
	 * Publishes the operation's terminal result, keyed like its command, to its command's
	 * partition.
	 */
	void result(PendingOperation operation, CommandResult result);

	/** Records what is now known about an open operation. */
	void persist(PendingOperation operation);

	/** Removes an ended operation from the pending-operations topic. */
	void forget(PendingOperation operation);

	/**
	 * The command ids among these operations' that already have a terminal result
	 * (published by an instance that died before it could remove the operation).
	 */
	Set<String> ended(Collection<PendingOperation> operations);

	void status(ConnectionStatusObserved status);

	void status(TransformationStatusObserved status);

}
