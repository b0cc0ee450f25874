package dev.ftbridge.operations;

import dev.ftbridge.events.CommandResult;
import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.events.EventPublisher;
import dev.ftbridge.events.TransformationStatusObserved;

/** The outbox on Kafka: events through the publisher, operations in their own topic. */
class KafkaOutbox implements Outbox {

	private final EventPublisher events;

	private final OperationLog operations;

	KafkaOutbox(EventPublisher events, OperationLog operations) {
		this.events = events;
		this.operations = operations;
	}

	@Override
	public void result(PendingOperation operation, CommandResult result) {
		this.events.commandResult(operation.key(), result);
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
