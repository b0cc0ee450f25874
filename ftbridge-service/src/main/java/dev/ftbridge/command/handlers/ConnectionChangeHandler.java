package dev.ftbridge.command.handlers;

import java.time.Instant;
import java.util.List;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.fivetran.ConnectionDetails;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranResponse;
import dev.ftbridge.completion.ConnectionStatuses;

/**
 * A command that changes a connection with one {@code PATCH} (pause, resume, update).
 * Fivetran answers with the connection as it now is, so the change is published as the
 * connection's status too: {@code fivetran.connection-state} shows a resumed connection
 * as not paused without waiting for a webhook or a poll.
 */
abstract class ConnectionChangeHandler extends SingleRequestHandler {

	ConnectionChangeHandler(CommandType type, HandlerContext context, FivetranRequest... declared) {
		super(type, context, declared);
	}

	@Override
	Execution answered(Command command, Instant started, FivetranResponse response) {
		ConnectionDetails details = response.connection();
		if (details.id() == null) {
			// not a connection in the answer (nothing to publish but the result)
			return super.answered(command, started, response);
		}
		ConnectionStatusObserved status = ConnectionStatuses
			.observed(details.id(), details, "command", command.id(), now())
			.withAccount(command.account());
		CommandResult result = succeeded(command, started, response).groupId(status.groupId()).build(now());
		return new Execution(List.of(result), List.of(status));
	}

}
