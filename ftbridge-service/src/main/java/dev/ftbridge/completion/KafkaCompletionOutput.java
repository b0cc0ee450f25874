package dev.ftbridge.completion;

import java.util.Collection;
import java.util.Set;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.events.EventPublisher;
import dev.ftbridge.contract.TransformationStatusObserved;

/**
 * The outbox on Kafka: events through the publisher, operations in their own topic, what
 * already ended from the result topic.
 */
class KafkaCompletionOutput implements CompletionOutput {

	private final EventPublisher events;

	private final PendingOperationsTopic operations;

	private final ResultHistory history;

	KafkaCompletionOutput(EventPublisher events, PendingOperationsTopic operations, ResultHistory history) {
		this.events = events;
		this.operations = operations;
		this.history = history;
	}

	@Override
	public Set<String> ended(Collection<PendingOperation> operations) {
		return this.history.ended(operations);
	}

	@Override
	public void result(PendingOperation operation, CommandResult result) {
		this.events.commandResult(operation.key(), operation.partition(), result);
	}

	@Override
	public void persist(PendingOperation operation) {
		this.operations.write(operation);
	}

	@Override
	public void forget(PendingOperation operation) {
		this.operations.remove(operation);
	}

	@Override
	public void status(ConnectionStatusObserved status) {
		this.events.connectionStatus(status);
	}

	@Override
	public void status(TransformationStatusObserved status) {
		this.events.transformationStatus(status);
	}

}
