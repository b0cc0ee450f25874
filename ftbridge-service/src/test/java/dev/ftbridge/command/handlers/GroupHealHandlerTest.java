package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class GroupHealHandlerTest extends HandlerTest {

	private final GroupHealHandler handler = new GroupHealHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void onlyBrokenConnectionsAreTestedAgainWithTheTrustOptions() {
		this.fivetran
			.list(FivetranRequests.groupConnections("g1", 100),
					"{'id':'c1','schema':'a','status':{'setup_state':'broken'}}",
					"{'id':'c2','schema':'b','status':{'setup_state':'connected'}}")
			.answer(FivetranRequests.runSetupTests("c1", Bodies.empty()),
					"{'id':'c1','status':{'setup_state':'connected'},'setup_tests':[]}");
		Execution execution = this.handler.execute(command("{'group_id':'g1','trust_certificates':true}"));
		CommandResult result = only(execution);
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/groups/g1/connections",
				"POST /v1/connections/c1/test");
		FivetranRequest test = this.fivetran.sent().get(1);
		assertThat(test.body().path("trust_certificates").asBoolean(false)).isTrue();
		assertThat(test.body().path("trust_fingerprints").asBoolean(true)).isFalse();
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.response().path("healed").asInt()).isEqualTo(1);
		assertThat(execution.statuses()).extracting((status) -> status.connectionId()).containsExactly("c1");
	}

	@Test
	void aConnectionStillBrokenFailsTheCommandNamingItsFailedTests() {
		this.fivetran
			.list(FivetranRequests.groupConnections("g1", 100), "{'id':'c1','status':{'setup_state':'broken'}}",
					"{'id':'c2','status':{'setup_state':'broken'}}")
			.answer(FivetranRequests.runSetupTests("c1", Bodies.empty()),
					"{'id':'c1','status':{'setup_state':'broken'},"
							+ "'setup_tests':[{'title':'Login','status':'FAILED','message':'bad password'}]}")
			.answer(FivetranRequests.runSetupTests("c1", Bodies.empty()),
					"{'id':'c2','status':{'setup_state':'connected'},'setup_tests':[]}");
		CommandResult result = only(this.handler.execute(command("{'group_id':'g1'}")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.response().path("still_broken").asInt()).isEqualTo(1);
		assertThat(result.reason()).isEqualTo("1 of 2 broken connections are still broken: c1 (Login: bad password)");
	}

	@Test
	void aGroupThatCannotBeListedFails() {
		this.fivetran.fail(FivetranRequests.groupConnections("g1", 100), FivetranFailures.rejected(404, "no group"));
		CommandResult result = only(this.handler.execute(command("{'group_id':'g1'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/groups/g1/connections");
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
	}

	@Test
	void withSyncAfterFixEachTestedConnectionIsAPartAndHealedOnesSync() {
		this.fivetran
			.list(FivetranRequests.groupConnections("g1", 100),
					"{'id':'c1','schema':'a','status':{'setup_state':'broken'}}",
					"{'id':'c2','schema':'b','status':{'setup_state':'connected'}}",
					"{'id':'c3','schema':'c','status':{'setup_state':'broken'}}")
			.answer(FivetranRequests.runSetupTests("c1", Bodies.empty()),
					"{'id':'c1','status':{'setup_state':'connected'},'setup_tests':[]}")
			.answer(FivetranRequests.runSetupTests("c1", Bodies.empty()),
					"{'id':'c3','status':{'setup_state':'broken'},"
							+ "'setup_tests':[{'title':'Login','status':'FAILED','message':'bad password'}]}")
			.answer(FivetranRequests.syncConnection("c1", false), "{}");
		Execution execution = this.handler.execute(command("{'group_id':'g1','sync_after_fix':true}"));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/groups/g1/connections",
				"POST /v1/connections/c1/test", "POST /v1/connections/c1/sync", "POST /v1/connections/c3/test");
		assertThat(this.fivetran.sent().get(1).body().has("sync_after_fix")).isFalse();
		assertThat(execution.results()).extracting(CommandResult::connectionId).containsExactly("c1", "c3");
		assertThat(execution.results()).extracting(CommandResult::outcome)
			.containsExactly(Outcome.ACCEPTED, Outcome.FAILED);
		assertThat(execution.results()).extracting((result) -> result.part().of()).containsOnly(2);
		assertThat(execution.results()).extracting(CommandResult::groupId).containsOnly("g1");
		assertThat(execution.results().get(1).reason()).contains("still broken", "Login: bad password");
		assertThat(execution.statuses()).extracting((status) -> status.connectionId()).containsExactly("c1", "c3");
	}

	@Test
	void withSyncAfterFixAGroupWithNothingBrokenGetsTheSummaryOnly() {
		this.fivetran.list(FivetranRequests.groupConnections("g1", 100),
				"{'id':'c2','schema':'b','status':{'setup_state':'connected'}}");
		CommandResult result = only(this.handler.execute(command("{'group_id':'g1','sync_after_fix':true}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/groups/g1/connections");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.part()).isNull();
	}

}
