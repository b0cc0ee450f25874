package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The update handlers share one shape: the id goes into the path, the rest is the body.
 * The delete handlers of things that hold nothing send one {@code DELETE} and are
 * reconciled by looking the thing up; a destination, like a group, holds connections.
 */
class AdminUpdateHandlersTest extends HandlerTest {

	private CommandHandler handler = new WebhookUpdateHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void webhookUpdatePatchesTheWebhookWithoutItsId() {
		this.fivetran.answer(FivetranRequests.updateWebhook("w1", Bodies.empty()), "{'id':'w1','secret':'******'}");
		CommandResult result = only(this.handler.execute(command("{'webhook_id':'w1','active':false}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("PATCH /v1/webhooks/w1");
		assertThat(this.fivetran.sent().get(0).body()).isEqualTo(FakeFivetran.parse("{'active':false}"));
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.resourceId()).isEqualTo("w1");
		assertThat(result.response().has("secret")).isFalse();
	}

	@Test
	void destinationUpdatePatchesWithVersion2() {
		this.handler = new DestinationUpdateHandler(this.context);
		this.fivetran.answer(FivetranRequests.updateDestination("g1", Bodies.empty()), "{'id':'g1'}");
		CommandResult result = only(this.handler
			.execute(command("{'destination_id':'g1','time_zone_offset':'+1','run_setup_tests':false}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("PATCH /v1/destinations/g1");
		assertThat(this.fivetran.sent().get(0).acceptVersion2()).isTrue();
		assertThat(this.fivetran.sent().get(0).body().has("destination_id")).isFalse();
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void userDeleteUsesTheDefinitionsIdVariable() {
		this.handler = new UserDeleteHandler(this.context);
		this.fivetran.answer(FivetranRequests.deleteUser("u1"), "{}");
		CommandResult result = only(this.handler.execute(command("{'user_id':'u1'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("DELETE /v1/users/u1");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void groupUpdatePatchesTheGroupWithoutItsId() {
		this.handler = new GroupUpdateHandler(this.context);
		this.fivetran.answer(FivetranRequests.updateGroup("g1", Bodies.empty()), "{'id':'g1','name':'Renamed'}");
		CommandResult result = only(this.handler.execute(command("{'group_id':'g1','name':'Renamed'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("PATCH /v1/groups/g1");
		assertThat(this.fivetran.sent().get(0).body()).isEqualTo(FakeFivetran.parse("{'name':'Renamed'}"));
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void teamUpdatePatchesTheTeamWithoutItsId() {
		this.handler = new TeamUpdateHandler(this.context);
		this.fivetran.answer(FivetranRequests.updateTeam("t1", Bodies.empty()), "{'id':'t1'}");
		CommandResult result = only(this.handler.execute(command("{'team_id':'t1','description':'d'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("PATCH /v1/teams/t1");
		assertThat(this.fivetran.sent().get(0).body()).isEqualTo(FakeFivetran.parse("{'description':'d'}"));
		assertThat(result.resourceId()).isEqualTo("t1");
	}

	@Test
	void userUpdatePatchesTheUserWithoutItsId() {
		this.handler = new UserUpdateHandler(this.context);
		this.fivetran.answer(FivetranRequests.updateUser("u1", Bodies.empty()), "{'id':'u1'}");
		CommandResult result = only(this.handler.execute(command("{'user_id':'u1','given_name':'Ada'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("PATCH /v1/users/u1");
		assertThat(this.fivetran.sent().get(0).body()).isEqualTo(FakeFivetran.parse("{'given_name':'Ada'}"));
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void teamDeleteSendsOneDeleteAndIsCostlyToRepeat() {
		this.handler = new TeamDeleteHandler(this.context);
		this.fivetran.answer(FivetranRequests.deleteTeam("t1"), "{}");
		assertThat(only(this.handler.execute(command("{'team_id':'t1'}"))).outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(this.handler.costlyToRepeat(command("{'team_id':'t1'}"))).isTrue();
		assertThat(this.fivetran.sentPaths()).containsExactly("DELETE /v1/teams/t1");
	}

	@Test
	void webhookDeleteSendsOneDelete() {
		this.handler = new WebhookDeleteHandler(this.context);
		this.fivetran.answer(FivetranRequests.deleteWebhook("w1"), "{}");
		assertThat(only(this.handler.execute(command("{'webhook_id':'w1'}"))).outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(this.fivetran.sentPaths()).containsExactly("DELETE /v1/webhooks/w1");
	}

	@Test
	void aTeamDeleteThatLandedBeforeACrashIsReconciledByLookingTheTeamUp() {
		this.handler = new TeamDeleteHandler(this.context);
		this.fivetran.fail(FivetranRequests.teamDetails("t1"), FivetranFailures.rejected(404, "not found"));
		CommandResult result = only(this.handler.reconcile(command("{'team_id':'t1'}"), NOW.minusSeconds(60)));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/teams/t1");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void aDestinationLoadingConnectionsIsRejectedUnlessForced() {
		this.handler = new DestinationDeleteHandler(this.context);
		this.fivetran.list(FivetranRequests.groupConnections("d1", 100),
				"{'id':'c1','schema':'pg','service':'postgres'}");
		CommandResult refused = only(this.handler.execute(command("{'destination_id':'d1'}")));
		assertThat(refused.outcome()).isEqualTo(Outcome.REJECTED);
		assertThat(refused.reason()).contains("pg (c1, postgres)", "force");
		this.fivetran.answer(FivetranRequests.deleteDestination("d1"), "{}");
		CommandResult forced = only(this.handler.execute(command("{'destination_id':'d1','force':true}")));
		assertThat(forced.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/groups/d1/connections",
				"DELETE /v1/destinations/d1");
	}

}
