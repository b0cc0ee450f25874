package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipGrantHandlerTest extends HandlerTest {

	private static final String[] ROLES = { "{'name':'Account Reviewer','scope':['ACCOUNT']}",
			"{'name':'Destination Reviewer','scope':['DESTINATION']}",
			"{'name':'Destination Analyst','scope':['DESTINATION']}",
			"{'name':'Connector Reviewer','scope':['CONNECTOR']}" };

	private final MembershipGrantHandler handler = new MembershipGrantHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void grantByEmailOnAGroupLooksTheUserUpChecksTheRoleAndAddsTheMembership() {
		this.fivetran.list(FivetranRequests.listUsers(100), "{'id':'u1','email':'ada@example.com'}")
			.list(FivetranRequests.listRoles(100), ROLES)
			.answer(FivetranRequests.addUserToGroup("u1", "g1", "r"), "{'id':'g1','role':'Destination Reviewer'}");
		CommandResult result = only(this.handler
			.execute(command("{'user_email':'ADA@example.com','group_id':'g1','role':'Destination Reviewer'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/users", "GET /v1/roles",
				"POST /v1/users/u1/groups");
		assertThat(this.fivetran.sent().get(2).body())
			.isEqualTo(FakeFivetran.parse("{'id':'g1','role':'Destination Reviewer'}"));
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.resourceId()).isEqualTo("u1");
		assertThat(result.groupId()).isEqualTo("g1");
	}

	@Test
	void aRoleFivetranDoesNotListForThePlaceIsRejectedWithTheList() {
		this.fivetran.list(FivetranRequests.listRoles(100), ROLES);
		CommandResult result = only(
				this.handler.execute(command("{'user_id':'u1','group_id':'g1','role':'Account Reviewer'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/roles");
		assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
		assertThat(result.reason())
			.contains("'Account Reviewer'", "group g1", "Destination Reviewer, Destination Analyst")
			.doesNotContain("Connector Reviewer");
	}

	@Test
	void anExistingMembershipHasItsRoleChanged() {
		this.fivetran.list(FivetranRequests.listTeams(100), "{'id':'t1','name':'finance'}")
			.list(FivetranRequests.listRoles(100), ROLES)
			.fail(FivetranRequests.addTeamToConnection("t1", "c1", "r"), FivetranFailures.rejected(409, "exists"))
			.answer(FivetranRequests.updateTeamInConnection("t1", "c1", "r"), "{}");
		CommandResult result = only(this.handler
			.execute(command("{'team_name':'finance','connection_id':'c1','role':'Connector Reviewer'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/teams", "GET /v1/roles",
				"POST /v1/teams/t1/connections", "PATCH /v1/teams/t1/connections/c1");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.reason()).contains("409");
	}

	@Test
	void aRefusedAddThatIsNoExistingMembershipReportsTheAddsRefusal() {
		this.fivetran.list(FivetranRequests.listRoles(100), ROLES)
			.fail(FivetranRequests.addUserToGroup("u1", "g1", "r"), FivetranFailures.rejected(400, "group is archived"))
			.fail(FivetranRequests.updateUserInGroup("u1", "g1", "r"), FivetranFailures.rejected(404, "no membership"));
		CommandResult result = only(
				this.handler.execute(command("{'user_id':'u1','group_id':'g1','role':'Destination Reviewer'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/roles", "POST /v1/users/u1/groups",
				"PATCH /v1/users/u1/groups/g1");
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.httpStatus()).isEqualTo(400);
		assertThat(result.fivetranMessage()).contains("archived");
	}

	@Test
	void afterALostAnswerTheRoleChangeShowsTheAddLanded() {
		this.fivetran.list(FivetranRequests.listRoles(100), ROLES)
			.fail(FivetranRequests.addUserToGroup("u1", "g1", "r"), FivetranFailures.lostAnswer())
			.answer(FivetranRequests.updateUserInGroup("u1", "g1", "r"), "{}");
		CommandResult result = only(
				this.handler.execute(command("{'user_id':'u1','group_id':'g1','role':'Destination Reviewer'}")));
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.reason()).contains("answer was lost");
	}

	@Test
	void afterALostAnswerAFailedRoleChangeLeavesTheOutcomeUnknown() {
		this.fivetran.list(FivetranRequests.listRoles(100), ROLES)
			.fail(FivetranRequests.addUserToGroup("u1", "g1", "r"), FivetranFailures.lostAnswer())
			.fail(FivetranRequests.updateUserInGroup("u1", "g1", "r"), FivetranFailures.unreachable());
		CommandResult result = only(
				this.handler.execute(command("{'user_id':'u1','group_id':'g1','role':'Destination Reviewer'}")));
		assertThat(result.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
	}

	@Test
	void anAccountRoleIsSetOnTheUser() {
		this.fivetran.list(FivetranRequests.listRoles(100), ROLES)
			.answer(FivetranRequests.updateUser("u1", Bodies.empty()), "{'id':'u1'}");
		CommandResult result = only(this.handler.execute(command("{'user_id':'u1','role':'Account Reviewer'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/roles", "PATCH /v1/users/u1");
		assertThat(this.fivetran.sent().get(1).body()).isEqualTo(FakeFivetran.parse("{'role':'Account Reviewer'}"));
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void anUnknownEmailFailsWithoutChangingAnything() {
		this.fivetran.list(FivetranRequests.listUsers(100), "{'id':'u1','email':'ada@example.com'}");
		CommandResult result = only(
				this.handler.execute(command("{'user_email':'bob@example.com','role':'Account Reviewer'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/users");
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.reason()).contains("no user bob@example.com");
	}

	@Test
	void grantByUserNameMatchesGivenAndFamilyNameExactly() {
		this.fivetran
			.list(FivetranRequests.listUsers(100), "{'id':'u1','given_name':'Ada','family_name':'Lovelace'}",
					"{'id':'u2','given_name':'Ada','family_name':'lovelace'}",
					"{'id':'u3','given_name':'Ada Love','family_name':'lace'}")
			.list(FivetranRequests.listRoles(100), ROLES)
			.answer(FivetranRequests.addUserToGroup("u1", "g1", "r"), "{'id':'g1','role':'Destination Reviewer'}");
		CommandResult result = only(this.handler
			.execute(command("{'user_name':'Ada Lovelace','group_id':'g1','role':'Destination Reviewer'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/users", "GET /v1/roles",
				"POST /v1/users/u1/groups");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.resourceId()).isEqualTo("u1");
	}

	@Test
	void aUserNameSeveralUsersHaveIsRejectedListingTheirIds() {
		this.fivetran.list(FivetranRequests.listUsers(100),
				"{'id':'u1','email':'a@x.io','given_name':'Ada','family_name':'Lovelace'}",
				"{'id':'u2','email':'b@x.io','given_name':'Grace','family_name':'Hopper'}",
				"{'id':'u3','email':'c@x.io','given_name':'Ada','family_name':'Lovelace'}");
		CommandResult result = only(
				this.handler.execute(command("{'user_name':'Ada Lovelace','role':'Account Reviewer'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/users");
		assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
		assertThat(result.reason()).contains("user named 'Ada Lovelace'", "u1, u3", "nothing was changed")
			.doesNotContain("u2");
		assertThat(result.retryable()).isFalse();
	}

	@Test
	void aUserNameThatDiffersInCaseMatchesNoUser() {
		this.fivetran.list(FivetranRequests.listUsers(100), "{'id':'u1','given_name':'Ada','family_name':'Lovelace'}");
		CommandResult result = only(
				this.handler.execute(command("{'user_name':'ada lovelace','role':'Account Reviewer'}")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.reason()).contains("no user named 'ada lovelace'", "nothing was changed");
	}

	@Test
	void aTeamNameIsMatchedExactly() {
		this.fivetran.list(FivetranRequests.listTeams(100), "{'id':'t1','name':'Finance'}",
				"{'id':'t2','name':'finance '}");
		CommandResult result = only(this.handler.execute(command("{'team_name':'finance','role':'Account Reviewer'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/teams");
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.reason()).contains("no team named 'finance'");
	}

	@Test
	void aFailedLookupIsReportedWithTheListItRead() {
		this.fivetran.fail(FivetranRequests.listTeams(100), FivetranFailures.rejected(403, "forbidden"));
		CommandResult result = only(this.handler.execute(command("{'team_name':'finance','role':'Account Reviewer'}")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.httpStatus()).isEqualTo(403);
		assertThat(result.fivetranMessage()).contains("forbidden");
	}

}
