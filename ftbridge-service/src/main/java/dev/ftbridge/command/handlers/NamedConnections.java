package dev.ftbridge.command.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.ConnectionName;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * Lets every connection command name its connection ({@code connection: {group_id |
 * group_name, schema}}) instead of giving {@code connection_id}: the name is resolved
 * before the handler runs, which then sees an ordinary command with
 * {@code connection_id}; its results carry the name as well as the id. No match is
 * {@code FAILED}, several are {@code REJECTED} (naming them); neither reaches the
 * handler. It also tells the lookup what the bridge's own creates and deletes changed.
 */
@Component
public class NamedConnections {

	private final ConnectionNames names;

	private final Clock clock;

	public NamedConnections(HandlerContext context) {
		this.names = new ConnectionNames(context);
		this.clock = context.clock();
	}

	/**
	 * Runs the command with its handler, resolving its connection's name first if it
	 * gives one.
	 * @param reconciling whether the handler reconciles the command after a restart
	 */
	Execution run(Command command, boolean reconciling, Function<Command, Execution> handler) {
		ConnectionName name = command.type().connectionName(command.data());
		if (name == null) {
			return forgetChanged(command, handler.apply(command));
		}
		Instant started = this.clock.instant();
		ConnectionNames.Match match;
		try {
			match = this.names.find(name);
		}
		catch (FivetranException ex) {
			// Only list requests were sent, which are safe to repeat: FAILED, never
			// unknown.
			return named(Results.failed(command, started, FivetranRequests.listGroups(1), ex)
				.reason("the connection named " + name + " could not be looked up: " + ex.getMessage())
				.build(now()), name, null);
		}
		if (match instanceof ConnectionNames.Match.Found found) {
			Execution execution = forgetChanged(command, handler.apply(resolved(command, found.id())));
			return new Execution(execution.results()
				.stream()
				.map((result) -> result.withConnection(name.inGroup(found.groupId()), found.id()))
				.toList(), execution.statuses(), execution.tables());
		}
		if (match instanceof ConnectionNames.Match.Several several) {
			return named(Results.start(command, Outcome.REJECTED, started)
				.reason("the connection name " + name + " is ambiguous; it matches " + several.candidates()
						+ "; address it by connection_id")
				.retryable(false)
				.build(now()), name, null);
		}
		ConnectionNames.Match.None none = (ConnectionNames.Match.None) match;
		return named(unresolved(command, reconciling, started, none.reason()), name.inGroup(none.groupId()), null);
	}

	private CommandResult unresolved(Command command, boolean reconciling, Instant started, String reason) {
		if (reconciling && command.type() == CommandType.CONNECTION_DELETE) {
			// The delete may have landed before the restart, or there never was one.
			return Results.start(command, Outcome.OUTCOME_UNKNOWN, started)
				.reason("reconciled after a restart: " + reason
						+ "; the delete may have removed it before the restart, so the bridge cannot tell")
				.retryable(false)
				.build(now());
		}
		return Results.start(command, Outcome.FAILED, started)
			.reason(reason + "; nothing was sent")
			.retryable(false)
			.build(now());
	}

	/**
	 * The command as its handler sees it: {@code connection_id} instead of the name
	 * (which handlers that pass {@code data} on as a body must not send).
	 */
	private static Command resolved(Command command, String connectionId) {
		ObjectNode data = command.data().deepCopy();
		data.remove("connection");
		data.put("connection_id", connectionId);
		return new Command(command.id(), command.type(), command.source(), command.key(), data, command.receivedAt());
	}

	/** Forgets what the bridge's own creates and deletes (and stale names) changed. */
	private Execution forgetChanged(Command command, Execution execution) {
		for (CommandResult result : execution.results()) {
			if (command.type() == CommandType.CONNECTION_CREATE) {
				this.names.forgetGroup(result.groupId());
			}
			else if (command.type() == CommandType.CONNECTION_DELETE
					|| Integer.valueOf(404).equals(result.httpStatus())) {
				this.names.forgetConnection(result.connectionId());
			}
			else if (command.type() == CommandType.GROUP_CREATE || command.type() == CommandType.DESTINATION_CREATE) {
				this.names.forgetGroups();
			}
		}
		return execution;
	}

	private static Execution named(CommandResult result, ConnectionName name, String connectionId) {
		return new Execution(List.of(result.withConnection(name, connectionId)), List.of());
	}

	private Instant now() {
		return this.clock.instant();
	}

}
