package dev.ftbridge.command.handlers;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * A delete of an account resource: a user, team, group, destination or webhook. Costly to
 * repeat (a delete sent again after it landed is a 404, reported FAILED), so it is
 * reconciled by looking the resource up: gone means the delete landed. A resource that
 * holds others (a group's or destination's connections) is deleted only with
 * {@code "force": true}; without it the command is {@code REJECTED} naming what would go,
 * and nothing is deleted.
 */
abstract class AdminDeleteHandler extends SingleRequestHandler {

	private final String idField;

	AdminDeleteHandler(CommandType type, HandlerContext context, String idField, FivetranRequest... requests) {
		super(type, context, requests);
		this.idField = idField;
	}

	/** The {@code GET} of the resource, asked when reconciling. */
	abstract FivetranRequest details(String id);

	/** The delete. */
	abstract FivetranRequest delete(String id);

	/** Whether it may hold connections, which go with it. */
	boolean holdsConnections() {
		return false;
	}

	@Override
	final FivetranRequest request(Command command) {
		return delete(command.text(this.idField));
	}

	@Override
	public boolean costlyToRepeat(Command command) {
		return true;
	}

	@Override
	public Execution execute(Command command) {
		if (holdsConnections() && !command.data().path("force").asBoolean(false)) {
			Instant started = now();
			FivetranRequest list = FivetranRequests.groupConnections(command.text(this.idField), this.pageSize);
			try {
				List<JsonNode> held = this.fivetran.listAll(list).items();
				if (!held.isEmpty()) {
					return rejected(command, started, held);
				}
			}
			catch (FivetranException ex) {
				return failed(command, started, list, ex);
			}
		}
		return super.execute(command);
	}

	@Override
	public Execution reconcile(Command command, Instant startedAt) {
		try {
			this.fivetran.execute(details(command.text(this.idField)));
			return execute(command);
		}
		catch (FivetranException ex) {
			if (ex.notFound()) {
				return Execution.of(Results.start(command, Outcome.SUCCEEDED, now())
					.reason("reconciled after a restart: it no longer exists — deleted after the command started ("
							+ startedAt + "); not sent again")
					.build(now()));
			}
			return Execution.of(Results.start(command, Outcome.OUTCOME_UNKNOWN, now())
				.reason("reconciled after a restart: Fivetran could not be asked what happened: " + ex.getMessage())
				.retryable(false)
				.build(now()));
		}
	}

	private Execution rejected(Command command, Instant started, List<JsonNode> held) {
		List<String> names = held.stream()
			.map((connection) -> connection.path("schema").asString("?") + " (" + connection.path("id").asString("?")
					+ ", " + connection.path("service").asString("?") + ")")
			.toList();
		JsonNode response = Bodies.empty()
			.set("would_delete", Bodies.empty().arrayNode().addAll(held.stream().map(Results::summary).toList()));
		return Execution.of(Results.start(command, Outcome.REJECTED, started)
			.reason(command.text(this.idField) + " holds " + held.size()
					+ " connection(s) that would be deleted with it: " + String.join(", ", names)
					+ "; send it again with \"force\": true to delete them too")
			.response(response)
			.retryable(false)
			.build(now()));
	}

}
