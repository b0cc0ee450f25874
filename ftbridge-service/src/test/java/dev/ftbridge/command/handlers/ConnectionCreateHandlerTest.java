package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionCreateHandlerTest extends HandlerTest {

	private final ConnectionCreateHandler handler = new ConnectionCreateHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void groupIdsFanOutIntoOneCreateAndOneResultPerGroup() {
		this.fivetran.answer(FivetranRequests.createConnection(Bodies.empty()), "{'id':'c1','schema':'pg'}")
			.answer(FivetranRequests.createConnection(Bodies.empty()), "{'id':'c2','schema':'pg'}");
		Execution execution = this.handler
			.execute(command("{'group_ids':['g1','g2'],'service':'postgres','config':{'schema_prefix':'pg'}}"));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/connections", "POST /v1/connections");
		assertThat(this.fivetran.sent()).extracting((request) -> request.body().path("group_id").asString())
			.containsExactly("g1", "g2");
		assertThat(this.fivetran.sent().get(0).body().has("group_ids")).isFalse();
		assertThat(execution.results()).extracting(CommandResult::connectionId).containsExactly("c1", "c2");
		assertThat(execution.results()).extracting(CommandResult::groupId).containsExactly("g1", "g2");
		assertThat(execution.results()).extracting((result) -> result.part().index()).containsExactly(0, 1);
	}

	@Test
	void afterALostAnswerAConnectionWithTheSchemaIsNotCreatedAgain() {
		this.fivetran.fail(FivetranRequests.createConnection(Bodies.empty()), FivetranFailures.lostAnswer())
			.list(FivetranRequests.groupConnections("g1", 100), "{'id':'c0','schema':'other'}",
					"{'id':'c1','schema':'pg'}");
		CommandResult result = only(this.handler
			.execute(command("{'group_id':'g1','service':'postgres','config':{'schema_prefix':'pg'}}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/connections", "GET /v1/groups/g1/connections");
		assertThat(this.fivetran.sent().get(1).query()).containsEntry("schema", "pg");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.connectionId()).isEqualTo("c1");
		assertThat(result.part()).isNull();
	}

	@Test
	void reconcileLooksTheConnectionUpBeforeSending() {
		this.fivetran.list(FivetranRequests.groupConnections("g1", 100))
			.answer(FivetranRequests.createConnection(Bodies.empty()), "{'id':'c5','schema':'pg'}");
		CommandResult result = only(this.handler.reconcile(
				command("{'group_id':'g1','service':'postgres','config':{'schema':'pg'}}"), NOW.minusSeconds(5)));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/groups/g1/connections", "POST /v1/connections");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.connectionId()).isEqualTo("c5");
		assertThat(this.handler.costlyToRepeat(command("{'group_id':'g1'}"))).isTrue();
	}

}
