package dev.ftbridge.command.handlers;

import dev.ftbridge.completion.ConnectionStatuses;
import dev.ftbridge.fivetran.ConnectionDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranClient;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * {@code fivetran.group.heal}: every connection of a group (all pages) whose
 * {@code setup_state} is {@code broken} gets its setup tests run again, with the
 * command's trust options, one after the other (the throttle spaces them under the
 * setup-test limits). Each tested connection's new status is published; the one result
 * lists every outcome and is {@code SUCCEEDED} only when none is still broken.
 * <p>
 * With {@code sync_after_fix}, each tested connection gets a result of its own (a
 * {@code part}): a healed one starts a sync and is {@code ACCEPTED}, then ends with that
 * sync like {@code fivetran.connection.sync}; one still broken is {@code FAILED} naming
 * its failed tests. A group with nothing broken still gets the one summary result.
 */
@Component
class GroupHealHandler extends FivetranHandler {

	GroupHealHandler(HandlerContext context) {
		super(CommandType.GROUP_HEAL, context);
	}

	@Override
	public List<FivetranRequest> requests() {
		return List.of(FivetranRequests.groupConnections(ID, this.pageSize),
				FivetranRequests.runSetupTests(ID, Bodies.empty()), FivetranRequests.syncConnection(ID, false));
	}

	@Override
	public Execution execute(Command command) {
		Instant started = now();
		FivetranRequest list = FivetranRequests.groupConnections(command.text("group_id"), this.pageSize);
		FivetranClient.Items connections;
		try {
			connections = this.fivetran.listAll(list);
		}
		catch (FivetranException ex) {
			return failed(command, started, list, ex);
		}
		ObjectNode trust = JsonNodeFactory.instance.objectNode()
			.put("trust_certificates", command.data().path("trust_certificates").asBoolean(false))
			.put("trust_fingerprints", command.data().path("trust_fingerprints").asBoolean(false));
		ArrayNode outcomes = JsonNodeFactory.instance.arrayNode();
		List<ConnectionStatusObserved> statuses = new ArrayList<>();
		List<String> stillBroken = new ArrayList<>();
		List<CommandResult.Builder> parts = new ArrayList<>();
		boolean sync = SyncAfterFix.asked(command);
		int attempts = connections.requests();
		for (ConnectionDetails connection : connections.connections()) {
			if (!connection.setupState("broken")) {
				continue;
			}
			String id = connection.id();
			ObjectNode outcome = outcomes.addObject().put("connection_id", id);
			outcome.put("schema", connection.schema());
			try {
				FivetranResponse tested = this.fivetran.execute(FivetranRequests.runSetupTests(id, trust.deepCopy()));
				attempts += tested.attempts();
				ConnectionDetails details = tested.connection();
				statuses.add(ConnectionStatuses.observed(id, details, "command", command.id(), now())
					.withAccount(command.account()));
				String state = details.status().setupState();
				outcome.put("setup_state", state);
				outcome.set("failed_tests", failedTests(details));
				if (!"connected".equals(state)) {
					stillBroken.add(id + " (" + String.join("; ", texts(outcome.path("failed_tests"))) + ")");
					parts.add(stillBroken(command, started, outcome, tested.attempts()));
				}
				else if (sync) {
					parts.add(SyncAfterFix.start(this.fivetran, command, started, id, outcome, tested.attempts()));
				}
			}
			catch (FivetranException ex) {
				attempts += ex.attempts();
				outcome.put("http_status", ex.httpStatus())
					.put("fivetran_code", ex.code())
					.put("error", ex.getMessage());
				stillBroken.add(id + " (not tested: " + ex.getMessage() + ")");
				parts.add(Results.failed(command, started, FivetranRequests.runSetupTests(id, trust), ex)
					.resourceId(id)
					.connectionId(id)
					.response(outcome));
			}
		}
		if (sync && !outcomes.isEmpty()) {
			// one result per tested connection, each followed to its end if it syncs
			List<CommandResult> results = new ArrayList<>();
			for (int index = 0; index < parts.size(); index++) {
				results.add(parts.get(index).groupId(command.text("group_id")).part(index, parts.size()).build(now()));
			}
			return new Execution(results, statuses);
		}
		return new Execution(List.of(result(command, started, connections, outcomes, stillBroken, attempts)), statuses);
	}

	/** The part of a connection whose setup tests still fail. */
	private static CommandResult.Builder stillBroken(Command command, Instant started, ObjectNode outcome,
			int attempts) {
		String id = outcome.path("connection_id").asString();
		return Results.start(command, Outcome.FAILED, started)
			.resourceId(id)
			.connectionId(id)
			.attempts(attempts)
			.response(outcome)
			.reason("still broken, so no sync was started: " + String.join("; ", texts(outcome.path("failed_tests"))))
			.retryable(false);
	}

	private CommandResult result(Command command, Instant started, FivetranClient.Items connections, ArrayNode outcomes,
			List<String> stillBroken, int attempts) {
		ObjectNode response = JsonNodeFactory.instance.objectNode()
			.put("connections", connections.items().size())
			.put("broken", outcomes.size())
			.put("healed", outcomes.size() - stillBroken.size())
			.put("still_broken", stillBroken.size());
		response.set("outcomes", outcomes);
		CommandResult.Builder result = Results
			.start(command, stillBroken.isEmpty() ? Outcome.SUCCEEDED : Outcome.FAILED, started)
			.attempts(attempts)
			.response(response);
		if (!stillBroken.isEmpty()) {
			result
				.reason(stillBroken.size() + " of " + outcomes.size() + " broken connections are still broken: "
						+ String.join(", ", stillBroken))
				.retryable(false);
		}
		return result.build(now());
	}

	/** The failed setup tests, as {@code title: message}. */
	static ArrayNode failedTests(ConnectionDetails details) {
		ArrayNode failed = JsonNodeFactory.instance.arrayNode();
		details.failedSetupTests().forEach((test) -> failed.add(test.describe()));
		return failed;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((text) -> texts.add(text.asString()));
		return texts;
	}

}
