package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipRevokeHandlerTest extends HandlerTest {

	private final MembershipRevokeHandler handler = new MembershipRevokeHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void revokeByEmailFromAGroupDeletesTheMembership() {
		this.fivetran.list(FivetranRequests.listUsers(100), "{'id':'u1','email':'ada@example.com'}")
			.answer(FivetranRequests.removeUserFromGroup("u1", "g1"), "{}");
		CommandResult result = only(this.handler.execute(command("{'user_email':'ada@example.com','group_id':'g1'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/users", "DELETE /v1/users/u1/groups/g1");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.resourceId()).isEqualTo("u1");
	}

	@Test
	void revokeOfATeamsAccountRoleDeletesTheRole() {
		this.fivetran.answer(FivetranRequests.removeTeamAccountRole("t1"), "{}");
		CommandResult result = only(this.handler.execute(command("{'team_id':'t1'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("DELETE /v1/teams/t1/role");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void aMembershipFivetranDoesNotHaveFails() {
		this.fivetran.fail(FivetranRequests.removeUserFromConnection("u1", "c1"),
				FivetranFailures.rejected(404, "no such membership"));
		CommandResult result = only(this.handler.execute(command("{'user_id':'u1','connection_id':'c1'}")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.httpStatus()).isEqualTo(404);
	}

	@Test
	void revokeByUserNameFromAConnectionDeletesTheMembership() {
		this.fivetran
			.list(FivetranRequests.listUsers(100), "{'id':'u1','given_name':'Grace','family_name':'Hopper'}",
					"{'id':'u2','given_name':'Grace','family_name':'Murray Hopper'}")
			.answer(FivetranRequests.removeUserFromConnection("u1", "c1"), "{}");
		CommandResult result = only(this.handler.execute(command("{'user_name':'Grace Hopper','connection_id':'c1'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/users", "DELETE /v1/users/u1/connections/c1");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.resourceId()).isEqualTo("u1");
	}

	@Test
	void aTeamNameSeveralTeamsHaveIsRejectedAndNothingIsRemoved() {
		this.fivetran.list(FivetranRequests.listTeams(100), "{'id':'t1','name':'ops'}", "{'id':'t2','name':'ops'}");
		CommandResult result = only(this.handler.execute(command("{'team_name':'ops','group_id':'g1'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/teams");
		assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
		assertThat(result.reason()).contains("team named 'ops'", "matches 2: t1, t2");
	}

	@Test
	void anUnknownUserNameFailsWithoutRemovingAnything() {
		this.fivetran.list(FivetranRequests.listUsers(100), "{'id':'u1','given_name':'Grace','family_name':'Hopper'}");
		CommandResult result = only(this.handler.execute(command("{'user_name':'Grace','group_id':'g1'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/users");
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.reason()).contains("no user named 'Grace'");
	}

	@Test
	void aRevokeOfAGroupOrConnectionIsCostlyToRepeatButOfTheAccountRoleIsNot() {
		assertThat(this.handler.costlyToRepeat(command("{'user_id':'u1','group_id':'g1'}"))).isTrue();
		assertThat(this.handler.costlyToRepeat(command("{'team_name':'ops','connection_id':'c1'}"))).isTrue();
		assertThat(this.handler.costlyToRepeat(command("{'user_id':'u1'}"))).isFalse();
	}

	@Test
	void reconciledAfterARestartAGoneMembershipSucceedsWithoutSendingTheRevokeAgain() {
		this.fivetran.list(FivetranRequests.listTeams(100), "{'id':'t1','name':'ops'}")
			.fail(FivetranRequests.teamInGroup("t1", "g1"), FivetranFailures.rejected(404, "no such membership"));
		CommandResult result = only(
				this.handler.reconcile(command("{'team_name':'ops','group_id':'g1'}"), NOW.minusSeconds(30)));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/teams", "GET /v1/teams/t1/groups/g1");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.resourceId()).isEqualTo("t1");
		assertThat(result.reason()).contains("reconciled", "group g1", "not sent again");
	}

	@Test
	void reconciledAfterARestartAMembershipStillThereIsRevokedNow() {
		this.fivetran.answer(FivetranRequests.userInConnection("u1", "c1"), "{'id':'c1','role':'Connector Reviewer'}")
			.answer(FivetranRequests.removeUserFromConnection("u1", "c1"), "{}");
		CommandResult result = only(
				this.handler.reconcile(command("{'user_id':'u1','connection_id':'c1'}"), NOW.minusSeconds(30)));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/users/u1/connections/c1",
				"DELETE /v1/users/u1/connections/c1");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.reason()).isNull();
	}

	@Test
	void reconciledWhenFivetranCannotBeAskedTheOutcomeIsUnknown() {
		this.fivetran.fail(FivetranRequests.userInGroup("u1", "g1"), FivetranFailures.unreachable());
		CommandResult result = only(
				this.handler.reconcile(command("{'user_id':'u1','group_id':'g1'}"), NOW.minusSeconds(30)));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/users/u1/groups/g1");
		assertThat(result.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
		assertThat(result.retryable()).isFalse();
	}

	@Test
	void reconciledAnAccountRoleIsRemovedAgain() {
		this.fivetran.answer(FivetranRequests.removeUserAccountRole("u1"), "{}");
		CommandResult result = only(this.handler.reconcile(command("{'user_id':'u1'}"), NOW.minusSeconds(30)));
		assertThat(this.fivetran.sentPaths()).containsExactly("DELETE /v1/users/u1/role");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

}
