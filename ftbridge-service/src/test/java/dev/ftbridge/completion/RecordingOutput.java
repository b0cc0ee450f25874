package dev.ftbridge.completion;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.kafka.KafkaSendException;
import dev.ftbridge.contract.TransformationStatusObserved;

/** An output that keeps what it is given, in memory. */
final class RecordingOutput implements CompletionOutput {

	final List<CommandResult> results = new CopyOnWriteArrayList<>();

	final List<String> resultKeys = new CopyOnWriteArrayList<>();

	final List<PendingOperation> persisted = new CopyOnWriteArrayList<>();

	final List<PendingOperation> forgotten = new CopyOnWriteArrayList<>();

	final List<Object> statuses = new CopyOnWriteArrayList<>();

	/** The next result is kept, but its publisher hears a failure (a lost ack). */
	volatile boolean loseNextAck;

	@Override
	public void result(PendingOperation operation, CommandResult result) {
		this.resultKeys.add(operation.key());
		this.results.add(result);
		if (this.loseNextAck) {
			this.loseNextAck = false;
			throw new KafkaSendException("interrupted while publishing (the broker has it)", null);
		}
	}

	@Override
	public void persist(PendingOperation operation) {
		this.persisted.add(operation);
	}

	@Override
	public void forget(PendingOperation operation) {
		this.forgotten.add(operation);
	}

	/** Like the result topic: the operations whose command got a terminal result here. */
	@Override
	public Set<String> ended(Collection<PendingOperation> operations) {
		Set<String> terminal = this.results.stream()
			.filter((result) -> result.outcome().terminal())
			.map(CommandResult::commandId)
			.collect(Collectors.toSet());
		return operations.stream()
			.map(PendingOperation::commandId)
			.filter(terminal::contains)
			.collect(Collectors.toSet());
	}

	@Override
	public void status(ConnectionStatusObserved status) {
		this.statuses.add(status);
	}

	@Override
	public void status(TransformationStatusObserved status) {
		this.statuses.add(status);
	}

}
