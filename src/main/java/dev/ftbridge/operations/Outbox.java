package dev.ftbridge.operations;

import dev.ftbridge.events.CommandResult;
import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.events.TransformationStatusObserved;

/**
 * Everything following an operation writes; each call returns once the broker has it, or
 * throws {@link dev.ftbridge.events.EventPublishException}.
 */
interface Outbox {

	/** Publishes the operation's terminal result, keyed like its command. */
	void result(PendingOperation operation, CommandResult result);

	/** Records what is now known about an open operation. */
	void persist(PendingOperation operation);

	/** Removes an ended operation from the pending-operations topic. */
	void forget(PendingOperation operation);

	void status(ConnectionStatusObserved status);

	void status(TransformationStatusObserved status);

}
