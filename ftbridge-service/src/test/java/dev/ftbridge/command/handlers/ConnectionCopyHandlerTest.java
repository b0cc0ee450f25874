package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionCopyHandlerTest extends HandlerTest {

	private static final String SOURCE = "{'id':'src','group_id':'g0','service':'postgres','schema':'shop',"
			+ "'paused':false,'sync_frequency':60,'schedule_type':'auto','networking_method':'Directly',"
			+ "'config':{'schema_prefix':'shop','host':'db.example.com','user':'ft','password':'******',"
			+ "'tunnel':{'key':'******','port':22}}}";

	private static final String SOURCE_SCHEMAS = "{'schema_change_handling':'BLOCK_ALL','schemas':{'public':{"
			+ "'enabled':true,'tables':{'orders':{'enabled':true,'sync_mode':'HISTORY','columns':{"
			+ "'email':{'enabled':true,'hashed':true},'id':{'enabled':true,'hashed':false}}},"
			+ "'customers':{'enabled':false},'gone':{'enabled':true}}},'legacy':{'enabled':false}}}";

	private static final String RELOADED = "{'schema_change_handling':'ALLOW_ALL','schemas':{'public':{"
			+ "'enabled':true,'tables':{'orders':{'enabled':true,'sync_mode':'SOFT_DELETE','columns':{"
			+ "'email':{'enabled':true,'hashed':false},'id':{'enabled':true,'hashed':false}}},"
			+ "'customers':{'enabled':true}}}}}";

	private final ConnectionCopyHandler handler = new ConnectionCopyHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void copyCreatesTheSameServiceConfigAndScheduleInEachGroupAndAppliesTheSchemaConfig() {
		sourceAnswers().answer(FivetranRequests.createConnection(Bodies.empty()), "{'id':'c1','schema':'shop'}")
			.answer(FivetranRequests.createConnection(Bodies.empty()), "{'id':'c2','schema':'shop'}");
		Execution execution = this.handler.execute(command(
				"{'connection_id':'src','group_ids':['g1','g2'],'config':{'password':'pw','tunnel':{'key':'k'}}}"));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/connections/src",
				"GET /v1/connections/src/schemas", "POST /v1/connections", "POST /v1/connections/c1/schemas/reload",
				"PATCH /v1/connections/c1/schemas", "POST /v1/connections", "POST /v1/connections/c2/schemas/reload",
				"PATCH /v1/connections/c2/schemas");
		assertThat(this.fivetran.sent().get(2).body()).isEqualTo(FakeFivetran
			.parse("{'group_id':'g1','service':'postgres','paused':false,'sync_frequency':60,'schedule_type':'auto',"
					+ "'config':{'schema_prefix':'shop','host':'db.example.com','user':'ft','password':'pw',"
					+ "'tunnel':{'key':'k'}}}"));
		assertThat(this.fivetran.sent().get(3).body()).isEqualTo(FakeFivetran.parse("{'exclude_mode':'PRESERVE'}"));
		assertThat(this.fivetran.sent().get(4).body()).isEqualTo(FakeFivetran.parse(
				"{'schema_change_handling':'BLOCK_ALL','schemas':{'public':{'tables':{'orders':{'sync_mode':'HISTORY',"
						+ "'columns':{'email':{'hashed':true,'enabled':true}},'enabled':true},"
						+ "'customers':{'enabled':false}},'enabled':true}}}"));
		assertThat(execution.results()).extracting(CommandResult::outcome).containsOnly(Outcome.SUCCEEDED);
		assertThat(execution.results()).extracting(CommandResult::connectionId).containsExactly("c1", "c2");
		assertThat(execution.results()).extracting(CommandResult::resourceId).containsExactly("c1", "c2");
		assertThat(execution.results()).extracting(CommandResult::groupId).containsExactly("g1", "g2");
		assertThat(execution.results()).extracting((result) -> result.part().index()).containsExactly(0, 1);
		CommandResult first = execution.results().get(0);
		assertThat(first.response().path("source_connection_id").asString()).isEqualTo("src");
		assertThat(first.response().at("/schema_config/changes").asInt()).isEqualTo(4);
		assertThat(first.response().at("/schema_config/skipped").toString()).isEqualTo("[\"public.gone\",\"legacy\"]");
		assertThat(first.response().toString()).doesNotContain("pw");
	}

	@Test
	void afterALostCreateAnswerTheCopyIsLookedUpAndNotCreatedAgain() {
		sourceAnswers().fail(FivetranRequests.createConnection(Bodies.empty()), FivetranFailures.lostAnswer())
			.list(FivetranRequests.groupConnections("g1", 100), "{'id':'c0','schema':'other'}",
					"{'id':'c1','schema':'shop'}");
		CommandResult result = only(
				this.handler.execute(command("{'connection_id':'src','group_ids':['g1'],'config':{'password':'pw'}}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/connections/src",
				"GET /v1/connections/src/schemas", "POST /v1/connections", "GET /v1/groups/g1/connections",
				"POST /v1/connections/c1/schemas/reload", "PATCH /v1/connections/c1/schemas");
		assertThat(this.fivetran.sent().get(3).query()).containsEntry("schema", "shop");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.connectionId()).isEqualTo("c1");
		assertThat(result.reason()).contains("answer was lost", "created once");
	}

	@Test
	void aLostAnswerThatCannotBeCheckedIsOutcomeUnknownAndNotSentAgain() {
		sourceAnswers().fail(FivetranRequests.createConnection(Bodies.empty()), FivetranFailures.lostAnswer())
			.fail(FivetranRequests.groupConnections("g1", 100), FivetranFailures.unreachable());
		CommandResult result = only(this.handler.execute(command("{'connection_id':'src','group_ids':['g1']}")));
		assertThat(this.fivetran.sentPaths()).filteredOn("POST /v1/connections"::equals).hasSize(1);
		assertThat(result.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
		assertThat(result.retryable()).isFalse();
	}

	@Test
	void reconcileLooksEachGroupUpBeforeCreating() {
		sourceAnswers().list(FivetranRequests.groupConnections("g1", 100), "{'id':'c1','schema':'shop'}")
			.list(FivetranRequests.groupConnections("g2", 100))
			.answer(FivetranRequests.createConnection(Bodies.empty()), "{'id':'c2','schema':'shop'}");
		Execution execution = this.handler.reconcile(command("{'connection_id':'src','group_ids':['g1','g2']}"),
				NOW.minusSeconds(5));
		assertThat(this.fivetran.sentPaths()).filteredOn("POST /v1/connections"::equals).hasSize(1);
		assertThat(this.fivetran.sent().get(6).body().path("group_id").asString()).isEqualTo("g2");
		assertThat(execution.results()).extracting(CommandResult::connectionId).containsExactly("c1", "c2");
		assertThat(execution.results().get(0).reason()).contains("reconciled after a restart");
		assertThat(this.handler.costlyToRepeat(command("{'connection_id':'src','group_ids':['g1']}"))).isTrue();
	}

	@Test
	void aSourceWithoutSchemaConfigIsCopiedWithoutPatching() {
		this.fivetran.answer(FivetranRequests.connectionDetails("src"), SOURCE)
			.fail(FivetranRequests.schemaConfig("src"),
					FivetranFailures.rejected(404, "NotFound_SchemaConfig", "no schema config"))
			.answer(FivetranRequests.createConnection(Bodies.empty()), "{'id':'c1','schema':'shop'}")
			.answer(FivetranRequests.reloadSchemaConfig("c1", Bodies.empty()), RELOADED);
		CommandResult result = only(this.handler.execute(command("{'connection_id':'src','group_ids':['g1']}")));
		assertThat(this.fivetran.sentPaths()).doesNotContain("PATCH /v1/connections/c1/schemas");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.response().path("schema_config").asString()).contains("no schema config");
	}

	@Test
	void aMissingSourceFailsWithoutCreatingAnything() {
		this.fivetran.fail(FivetranRequests.connectionDetails("src"), FivetranFailures.rejected(404, "not found"));
		CommandResult result = only(this.handler.execute(command("{'connection_id':'src','group_ids':['g1','g2']}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/connections/src");
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.httpStatus()).isEqualTo(404);
	}

	@Test
	void aFailedSchemaCopyNamesTheConnectionThatWasCreated() {
		this.fivetran.answer(FivetranRequests.connectionDetails("src"), SOURCE)
			.answer(FivetranRequests.schemaConfig("src"), SOURCE_SCHEMAS)
			.answer(FivetranRequests.createConnection(Bodies.empty()), "{'id':'c1','schema':'shop'}")
			.fail(FivetranRequests.reloadSchemaConfig("c1", Bodies.empty()),
					FivetranFailures.rejected(400, "source unreachable"));
		CommandResult result = only(this.handler.execute(command("{'connection_id':'src','group_ids':['g1']}")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.connectionId()).isEqualTo("c1");
		assertThat(result.reason()).contains("c1 exists", "schema config was not copied");
	}

	private FakeFivetran sourceAnswers() {
		return this.fivetran.answer(FivetranRequests.connectionDetails("src"), SOURCE)
			.answer(FivetranRequests.schemaConfig("src"), SOURCE_SCHEMAS)
			.answer(FivetranRequests.reloadSchemaConfig("c1", Bodies.empty()), RELOADED)
			.answer(FivetranRequests.updateSchemaConfig("c1", Bodies.empty()), RELOADED);
	}

}
