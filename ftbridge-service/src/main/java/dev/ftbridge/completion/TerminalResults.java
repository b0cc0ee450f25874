package dev.ftbridge.completion;

import java.time.Instant;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.completion.PendingOperation.Resource;

/** The terminal result of an operation, carrying its command's ids and timing. */
final class TerminalResults {

	private TerminalResults() {
	}

	static CommandResult of(PendingOperation operation, Decision.Complete end, Instant now) {
		CommandResult.Builder result = CommandResult
			.builder(operation.commandId(), operation.commandType(), end.outcome())
			.resourceId(operation.resourceId())
			.syncId((end.syncId() != null) ? end.syncId() : operation.syncId())
			.reason(end.reason())
			.response(end.response())
			.attempts(operation.attempts())
			.timing(operation.receivedAt(), operation.startedAt());
		if (operation.resource() == Resource.TRANSFORMATION) {
			result.transformationId(operation.resourceId());
		}
		else {
			result.connectionId(operation.resourceId());
		}
		if (end.retryable() != null) {
			result.retryable(end.retryable());
		}
		CommandResult built = result.build(now).withAccount(operation.account());
		// Named like the command's first result, so a consumer matches both the same way.
		return (operation.connection() != null) ? built.withConnection(operation.connection(), operation.resourceId())
				: built;
	}

}
