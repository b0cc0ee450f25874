package dev.ftbridge.command.handlers;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.ConnectionName;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections addressed by name, resolved as the registry does, with real handlers and
 * the fake Fivetran: resolve hit, miss, several, failure, and the cache's invalidation.
 */
class NamedConnectionsTest {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private static final FivetranRequest GROUPS = FivetranRequests.listGroups(100);

	private static final FivetranRequest G1_CONNECTIONS = FivetranRequests.groupConnections("g1", 100);

	private static final String G1_LISTING_PATH = "GET /v1/groups/g1/connections";

	private final FakeFivetran fivetran = new FakeFivetran();

	private final HandlerContext context = new HandlerContext(this.fivetran, Clock.fixed(NOW, ZoneOffset.UTC), 100);

	private final Map<CommandType, CommandHandler> byType = Stream
		.of(new ConnectionPauseHandler(this.context), new ConnectionUpdateHandler(this.context),
				new ConnectionDeleteHandler(this.context), new ConnectionCreateHandler(this.context),
				new ConnectionSyncHandler(this.context))
		.collect(Collectors.toMap(CommandHandler::type, (handler) -> handler));

	private final NamedConnections names = new NamedConnections(this.context);

	/** What {@link CommandHandlers} does with a command, for the handlers above. */
	private final Registry handlers = new Registry();

	@Test
	void pauseByGroupIdAndSchemaPatchesTheResolvedConnection() {
		this.fivetran.list(G1_CONNECTIONS, "{'id':'c1','schema':'billing'}", "{'id':'c2','schema':'crm'}")
			.answer(FivetranRequests.setPaused("id", true), "{'id':'c2','paused':true}");
		CommandResult result = only(this.handlers
			.execute(command(CommandType.CONNECTION_PAUSE, "{'connection':{'group_id':'g1','schema':'crm'}}")));
		assertThat(this.fivetran.sentPaths()).containsExactly(G1_LISTING_PATH, "PATCH /v1/connections/c2");
		assertThat(this.fivetran.sent().get(0).query()).containsEntry("limit", "100");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.connectionId()).isEqualTo("c2");
		assertThat(result.resourceId()).isEqualTo("c2");
		assertThat(result.groupId()).isEqualTo("g1");
		assertThat(result.connection()).isEqualTo(new ConnectionName("g1", null, "crm"));
	}

	@Test
	void updateByGroupNameSendsNoNameInTheBody() {
		this.fivetran.list(GROUPS, "{'id':'g0','name':'Staging'}", "{'id':'g1','name':'Warehouse'}")
			.list(G1_CONNECTIONS, "{'id':'c1','schema':'billing'}")
			.answer(FivetranRequests.updateConnection("id", Bodies.empty()), "{'id':'c1'}");
		CommandResult result = only(this.handlers.execute(command(CommandType.CONNECTION_UPDATE,
				"{'connection':{'group_name':'Warehouse','schema':'billing'},'sync_frequency':60}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/groups", G1_LISTING_PATH,
				"PATCH /v1/connections/c1");
		ObjectNode body = (ObjectNode) this.fivetran.sent().get(2).body();
		assertThat(body.propertyNames()).containsExactly("sync_frequency");
		assertThat(result.connection()).isEqualTo(new ConnectionName("g1", "Warehouse", "billing"));
		assertThat(result.connectionId()).isEqualTo("c1");
	}

	@Test
	void aSecondCommandOnTheSameGroupIsResolvedFromTheCache() {
		this.fivetran.list(G1_CONNECTIONS, "{'id':'c1','schema':'billing'}", "{'id':'c2','schema':'crm'}")
			.answer(FivetranRequests.setPaused("id", true), "{'paused':true}");
		this.handlers.execute(command(CommandType.CONNECTION_PAUSE, "{'connection':{'group_id':'g1','schema':'crm'}}"));
		this.handlers
			.execute(command(CommandType.CONNECTION_PAUSE, "{'connection':{'group_id':'g1','schema':'billing'}}"));
		assertThat(this.fivetran.sentPaths()).containsExactly(G1_LISTING_PATH, "PATCH /v1/connections/c2",
				"PATCH /v1/connections/c1");
	}

	@Test
	void aMissReadsTheGroupAgainBeforeGivingUp() {
		this.fivetran.list(G1_CONNECTIONS, "{'id':'c1','schema':'billing'}")
			.list(G1_CONNECTIONS, "{'id':'c1','schema':'billing'}", "{'id':'c3','schema':'fresh'}")
			.answer(FivetranRequests.setPaused("id", true), "{'paused':true}");
		this.handlers
			.execute(command(CommandType.CONNECTION_PAUSE, "{'connection':{'group_id':'g1','schema':'billing'}}"));
		CommandResult result = only(this.handlers
			.execute(command(CommandType.CONNECTION_PAUSE, "{'connection':{'group_id':'g1','schema':'fresh'}}")));
		assertThat(this.fivetran.sentPaths()).containsExactly(G1_LISTING_PATH, "PATCH /v1/connections/c1",
				G1_LISTING_PATH, "PATCH /v1/connections/c3");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void noMatchFailsNamingWhatWasMissingAndSendsNothing() {
		this.fivetran.list(G1_CONNECTIONS, "{'id':'c1','schema':'billing'}");
		CommandResult result = only(this.handlers
			.execute(command(CommandType.CONNECTION_SYNC, "{'connection':{'group_id':'g1','schema':'nope'}}")));
		assertThat(this.fivetran.sentPaths()).containsExactly(G1_LISTING_PATH, G1_LISTING_PATH);
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.reason()).contains("no connection with schema 'nope' in group g1", "nothing was sent");
		assertThat(result.connectionId()).isNull();
		assertThat(result.resourceId()).isEqualTo("g1/nope");
		assertThat(result.connection()).isEqualTo(new ConnectionName("g1", null, "nope"));
	}

	@Test
	void anUnknownGroupNameFails() {
		this.fivetran.list(GROUPS, "{'id':'g1','name':'Warehouse'}");
		CommandResult result = only(this.handlers
			.execute(command(CommandType.CONNECTION_PAUSE, "{'connection':{'group_name':'Lake','schema':'billing'}}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/groups", "GET /v1/groups");
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.reason()).contains("no group named 'Lake'");
	}

	@Test
	void anUnknownGroupIdFails() {
		this.fivetran.fail(G1_CONNECTIONS, FivetranFailures.rejected(404, "Group with id 'g1' not found"));
		CommandResult result = only(this.handlers
			.execute(command(CommandType.CONNECTION_PAUSE, "{'connection':{'group_id':'g1','schema':'billing'}}")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.reason()).contains("no group with id 'g1'");
	}

	@Test
	void severalGroupsMatchingIgnoringCaseAreRejectedByName() {
		this.fivetran.list(GROUPS, "{'id':'g1','name':'Sales'}", "{'id':'g2','name':'SALES'}");
		CommandResult result = only(this.handlers
			.execute(command(CommandType.CONNECTION_PAUSE, "{'connection':{'group_name':'sales','schema':'crm'}}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/groups");
		assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
		assertThat(result.reason()).contains("Sales (g1)", "SALES (g2)", "connection_id");
		assertThat(result.retryable()).isFalse();
	}

	@Test
	void anExactGroupNameWinsOverOnesDifferingInCase() {
		this.fivetran.list(GROUPS, "{'id':'g0','name':'SALES'}", "{'id':'g1','name':'Sales'}")
			.list(G1_CONNECTIONS, "{'id':'c1','schema':'crm'}")
			.answer(FivetranRequests.setPaused("id", true), "{'paused':true}");
		CommandResult result = only(this.handlers
			.execute(command(CommandType.CONNECTION_PAUSE, "{'connection':{'group_name':'Sales','schema':'crm'}}")));
		assertThat(result.connectionId()).isEqualTo("c1");
	}

	@Test
	void severalConnectionsWithTheSchemaAreRejected() {
		this.fivetran.list(G1_CONNECTIONS, "{'id':'c1','schema':'crm'}", "{'id':'c2','schema':'crm'}");
		CommandResult result = only(this.handlers
			.execute(command(CommandType.CONNECTION_SYNC, "{'connection':{'group_id':'g1','schema':'crm'}}")));
		assertThat(this.fivetran.sentPaths()).containsExactly(G1_LISTING_PATH);
		assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
		assertThat(result.reason()).contains("crm (c1)", "crm (c2)");
	}

	@Test
	void aLookupFivetranCannotAnswerFailsRetryably() {
		this.fivetran.fail(G1_CONNECTIONS, FivetranFailures.unreachable());
		CommandResult result = only(this.handlers
			.execute(command(CommandType.CONNECTION_PAUSE, "{'connection':{'group_id':'g1','schema':'crm'}}")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.reason()).contains("could not be looked up");
		assertThat(result.retryable()).isTrue();
	}

	@Test
	void aDeleteForgetsTheConnectionSoTheNameIsReadAgain() {
		this.fivetran.list(G1_CONNECTIONS, "{'id':'c1','schema':'crm'}")
			.list(G1_CONNECTIONS, "{'id':'c7','schema':'crm'}")
			.answer(FivetranRequests.deleteConnection("id"), "{}")
			.answer(FivetranRequests.setPaused("id", true), "{'paused':true}");
		this.handlers
			.execute(command(CommandType.CONNECTION_DELETE, "{'connection':{'group_id':'g1','schema':'crm'}}"));
		// created again outside the bridge, with the same schema
		CommandResult result = only(this.handlers
			.execute(command(CommandType.CONNECTION_PAUSE, "{'connection':{'group_id':'g1','schema':'crm'}}")));
		assertThat(this.fivetran.sentPaths()).containsExactly(G1_LISTING_PATH, "DELETE /v1/connections/c1",
				G1_LISTING_PATH, "PATCH /v1/connections/c7");
		assertThat(result.connectionId()).isEqualTo("c7");
	}

	@Test
	void aCreateForgetsItsGroup() {
		this.fivetran.list(G1_CONNECTIONS, "{'id':'c1','schema':'crm'}")
			.list(G1_CONNECTIONS, "{'id':'c1','schema':'crm'}", "{'id':'c2','schema':'billing'}")
			.answer(FivetranRequests.setPaused("id", true), "{'paused':true}")
			.answer(FivetranRequests.createConnection(Bodies.empty()), "{'id':'c2','schema':'billing'}");
		this.handlers.execute(command(CommandType.CONNECTION_PAUSE, "{'connection':{'group_id':'g1','schema':'crm'}}"));
		this.handlers.execute(command(CommandType.CONNECTION_CREATE,
				"{'group_id':'g1','service':'postgres','config':{'schema':'billing'}}"));
		this.handlers.execute(command(CommandType.CONNECTION_PAUSE, "{'connection':{'group_id':'g1','schema':'crm'}}"));
		assertThat(this.fivetran.sentPaths()).containsExactly(G1_LISTING_PATH, "PATCH /v1/connections/c1",
				"POST /v1/connections", G1_LISTING_PATH, "PATCH /v1/connections/c1");
	}

	@Test
	void aNamedDeleteReconciledAfterItsConnectionWentIsUnknown() {
		this.fivetran.list(G1_CONNECTIONS, "{'id':'c2','schema':'other'}");
		CommandResult result = only(this.handlers.reconcile(
				command(CommandType.CONNECTION_DELETE, "{'connection':{'group_id':'g1','schema':'crm'}}"),
				NOW.minusSeconds(30)));
		assertThat(this.fivetran.sentPaths()).containsExactly(G1_LISTING_PATH, G1_LISTING_PATH);
		assertThat(result.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
		assertThat(result.reason()).contains("reconciled after a restart", "no connection with schema 'crm'");
	}

	@Test
	void aNamedSyncIsReconciledOnTheResolvedConnection() {
		this.fivetran.list(G1_CONNECTIONS, "{'id':'c1','schema':'crm'}")
			.answer(FivetranRequests.connectionDetails("id"),
					"{'id':'c1','status':{'sync_state':'syncing','setup_state':'connected'}}");
		CommandResult result = only(this.handlers.reconcile(
				command(CommandType.CONNECTION_SYNC, "{'connection':{'group_id':'g1','schema':'crm'},'force':true}"),
				NOW.minusSeconds(30)));
		assertThat(this.fivetran.sentPaths()).containsExactly(G1_LISTING_PATH, "GET /v1/connections/c1");
		assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(result.connectionId()).isEqualTo("c1");
		assertThat(result.connection()).isEqualTo(new ConnectionName("g1", null, "crm"));
	}

	@Test
	void aCommandWithAnIdIsNotLookedUp() {
		this.fivetran.answer(FivetranRequests.setPaused("id", true), "{'paused':true}");
		CommandResult result = only(
				this.handlers.execute(command(CommandType.CONNECTION_PAUSE, "{'connection_id':'c1'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("PATCH /v1/connections/c1");
		assertThat(result.connection()).isNull();
	}

	@Test
	void theLookupSendsOnlyRequestsItDeclares() {
		assertThat(new ConnectionNames(this.context).requests()).extracting(FakeFivetran::endpoint)
			.containsExactlyInAnyOrder("GET /v1/groups", "GET /v1/groups/{groupId}/connections");
	}

	private final class Registry {

		Execution execute(Command command) {
			return NamedConnectionsTest.this.names.run(command, false,
					(resolved) -> NamedConnectionsTest.this.byType.get(command.type()).execute(resolved));
		}

		Execution reconcile(Command command, Instant startedAt) {
			return NamedConnectionsTest.this.names.run(command, true,
					(resolved) -> NamedConnectionsTest.this.byType.get(command.type()).reconcile(resolved, startedAt));
		}

	}

	private static Command command(CommandType type, String data) {
		ObjectNode node = (ObjectNode) FakeFivetran.parse(data);
		return new Command(UUID.randomUUID().toString(), type, "test", type.resourceKey(node), node,
				NOW.minusSeconds(1));
	}

	private static CommandResult only(Execution execution) {
		assertThat(execution.results()).hasSize(1);
		return execution.results().get(0);
	}

}
