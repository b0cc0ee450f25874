package dev.ftbridge.command;

import dev.ftbridge.contract.Command;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.ConnectionDetails;
import dev.ftbridge.fivetran.FivetranClient;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.FivetranResponse;
import dev.ftbridge.fivetran.SetupTestResult;
import dev.ftbridge.operations.ConnectionStatuses;

/**
 * Carries out a validated command against Fivetran and says what happened. Has no Kafka
 * types: the consumer hands it commands and publishes what it returns. Connection
 * commands run here; the account admin creates in {@link AdminExecutor} (destinations:
 * {@link DestinationCreation}); the fleet commands in {@link GroupHealing} and
 * {@link SchemaDescription}.
 */
class CommandExecutor {

	private final FivetranCalls fivetran;

	private final Clock clock;

	private final int pageSize;

	private final AdminExecutor admin;

	private final GroupHealing healing;

	private final SchemaDescription description;

	CommandExecutor(FivetranCalls fivetran, Clock clock, int pageSize) {
		this.fivetran = fivetran;
		this.clock = clock;
		this.pageSize = pageSize;
		this.admin = new AdminExecutor(fivetran, clock, pageSize);
		this.healing = new GroupHealing(fivetran, clock, pageSize);
		this.description = new SchemaDescription(fivetran, clock);
	}

	/**
	 * A costly command started before a crash, with no result: find out from Fivetran
	 * what happened instead of sending it again.
	 */
	Execution reconcile(Command command, Instant startedAt) {
		Instant now = this.clock.instant();
		Reconciliation reconciliation = new Reconciliation(this.fivetran, this.clock);
		return switch (command.type()) {
			case CONNECTION_SYNC, CONNECTION_RESYNC, CONNECTION_TABLES_RESYNC ->
				reconciliation.sync(command, startedAt, now);
			case TRANSFORMATION_RUN -> reconciliation.run(command, startedAt, now);
			case CONNECTION_DELETE -> reconciliation.delete(command, startedAt, now, () -> execute(command));
			// A create looks its connection up before sending, per group.
			case CONNECTION_CREATE -> create(command, now, true);
			case GROUP_CREATE, DESTINATION_CREATE, USER_CREATE, TEAM_CREATE, WEBHOOK_CREATE ->
				this.admin.execute(command, now, true);
			default -> execute(command);
		};
	}

	Execution execute(Command command) {
		Instant started = this.clock.instant();
		return switch (command.type()) {
			case CONNECTION_CREATE -> create(command, started, false);
			case CONNECTION_STATUS -> connectionStatus(command, started);
			case CONNECTION_TEST -> setupTests(command, started);
			case GROUP_STATUS -> groupStatus(command, started);
			case GROUP_HEAL -> this.healing.execute(command, started);
			case CONNECTION_SCHEMA_DESCRIBE -> this.description.execute(command, started);
			case GROUP_CREATE, DESTINATION_CREATE, USER_CREATE, TEAM_CREATE, WEBHOOK_CREATE ->
				this.admin.execute(command, started, false);
			default -> single(command, started);
		};
	}

	private Execution single(Command command, Instant started) {
		FivetranRequest request = CommandRequests.forCommand(command);
		try {
			FivetranResponse response = this.fivetran.execute(request);
			return Execution.of(Results.succeeded(command, started, response).build(this.clock.instant()));
		}
		catch (FivetranException ex) {
			return Execution.of(Results.failed(command, started, request, ex).build(this.clock.instant()));
		}
	}

	/**
	 * One create per group: {@code group_ids} fans out, each part with its own result.
	 */
	private Execution create(Command command, Instant started, boolean lookFirst) {
		List<String> groups = new ArrayList<>();
		if (command.data().has("group_ids")) {
			command.data().get("group_ids").forEach((group) -> groups.add(group.asString()));
		}
		else {
			groups.add(command.text("group_id"));
		}
		List<CommandResult> results = new ArrayList<>();
		for (int index = 0; index < groups.size(); index++) {
			FivetranRequest request = CommandRequests.createIn(command, groups.get(index));
			CommandResult.Builder result;
			try {
				JsonNode existing = lookFirst ? existing(command, groups.get(index)) : null;
				if (existing != null) {
					results.add(alreadyCreated(command, started, existing,
							"reconciled after a restart: the connection exists, so the create ran once")
						.groupId(groups.get(index))
						.build(this.clock.instant()));
					continue;
				}
				FivetranResponse response = this.fivetran.execute(request);
				String connectionId = response.dataText("id");
				result = Results.succeeded(command, started, response)
					.resourceId(connectionId)
					.connectionId(connectionId);
			}
			catch (FivetranException ex) {
				result = ex.ambiguous() ? reconcileCreate(command, started, request, groups.get(index), ex)
						: Results.failed(command, started, request, ex);
			}
			result.groupId(groups.get(index));
			if (groups.size() > 1) {
				result.part(index, groups.size());
			}
			results.add(result.build(this.clock.instant()));
		}
		return new Execution(results, List.of());
	}

	/**
	 * A create whose answer was lost may or may not have made the connection. Fivetran is
	 * asked first (is there a connection with that schema in the group?); only when it
	 * says no is the create sent again. When it cannot be asked, the outcome is unknown.
	 */
	private CommandResult.Builder reconcileCreate(Command command, Instant started, FivetranRequest request,
			String groupId, FivetranException lost) {
		try {
			JsonNode existing = existing(command, groupId);
			if (existing != null) {
				return alreadyCreated(command, started, existing, "the create's answer was lost (" + lost.getMessage()
						+ "); Fivetran shows the connection, so it was created once")
					.attempts(lost.attempts());
			}
			FivetranResponse response = this.fivetran.execute(request);
			String id = response.dataText("id");
			return Results.succeeded(command, started, response)
				.attempts(lost.attempts() + response.attempts())
				.resourceId(id)
				.connectionId(id)
				.reason("the first create's answer was lost (" + lost.getMessage()
						+ "); Fivetran showed no such connection, so it was sent again");
		}
		catch (FivetranException ex) {
			return Results.failed(command, started, request, lost);
		}
	}

	/** The connection with the command's schema in the group, or {@code null}. */
	private JsonNode existing(Command command, String groupId) {
		JsonNode config = command.data().path("config");
		String schema = config.path("schema").asString(config.path("schema_prefix").asString(null));
		FivetranRequest lookup = FivetranRequests.groupConnections(groupId, this.pageSize).withQuery("schema", schema);
		for (JsonNode connection : this.fivetran.listAll(lookup).items()) {
			if (schema.equals(connection.path("schema").asString(null))) {
				return connection;
			}
		}
		return null;
	}

	private static CommandResult.Builder alreadyCreated(Command command, Instant started, JsonNode connection,
			String reason) {
		String id = connection.path("id").asString(null);
		return Results.start(command, Outcome.SUCCEEDED, started)
			.resourceId(id)
			.connectionId(id)
			.response(Results.summary(connection))
			.reason(reason);
	}

	private Execution connectionStatus(Command command, Instant started) {
		FivetranRequest request = CommandRequests.forCommand(command);
		try {
			FivetranResponse response = this.fivetran.execute(request);
			ConnectionStatusObserved status = ConnectionStatuses.observed(response.dataText("id"),
					response.connection(), "command", command.id(), this.clock.instant());
			CommandResult result = Results.succeeded(command, started, response)
				.groupId(status.groupId())
				.build(this.clock.instant());
			return new Execution(List.of(result), List.of(status));
		}
		catch (FivetranException ex) {
			return Execution.of(Results.failed(command, started, request, ex).build(this.clock.instant()));
		}
	}

	/** Setup tests: the command succeeds only when no test failed. */
	private Execution setupTests(Command command, Instant started) {
		FivetranRequest request = CommandRequests.forCommand(command);
		try {
			FivetranResponse response = this.fivetran.execute(request);
			List<String> failures = response.connection()
				.failedSetupTests()
				.stream()
				.map(SetupTestResult::describe)
				.toList();
			CommandResult.Builder result = Results.succeeded(command, started, response);
			if (!failures.isEmpty()) {
				result = Results.start(command, Outcome.FAILED, started)
					.attempts(response.attempts())
					.response(Results.summary(response.data()))
					.reason("setup tests failed: " + String.join("; ", failures))
					.retryable(false);
			}
			return Execution.of(result.build(this.clock.instant()));
		}
		catch (FivetranException ex) {
			return Execution.of(Results.failed(command, started, request, ex).build(this.clock.instant()));
		}
	}

	/** Every connection of a group (all pages), filtered by state, as status events. */
	private Execution groupStatus(Command command, Instant started) {
		String groupId = command.text("group_id");
		FivetranRequest request = FivetranRequests.groupConnections(groupId, this.pageSize);
		try {
			FivetranClient.Items list = this.fivetran.listAll(request);
			List<ConnectionDetails> connections = list.connections();
			StateFilter filter = StateFilter.of(command.data());
			Instant now = this.clock.instant();
			List<ConnectionStatusObserved> statuses = connections.stream()
				.filter(filter::matches)
				.map((connection) -> ConnectionStatuses.observed(connection.id(), connection, "command", command.id(),
						now))
				.toList();
			JsonNodeFactory nodes = JsonNodeFactory.instance;
			CommandResult result = Results.start(command, Outcome.SUCCEEDED, started)
				.attempts(list.requests())
				.response(nodes.objectNode().put("connections", connections.size()).put("matched", statuses.size()))
				.build(this.clock.instant());
			return new Execution(List.of(result), statuses);
		}
		catch (FivetranException ex) {
			return Execution.of(Results.failed(command, started, request, ex).build(this.clock.instant()));
		}
	}

}
