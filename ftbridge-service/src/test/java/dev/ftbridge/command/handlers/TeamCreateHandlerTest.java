package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class TeamCreateHandlerTest extends HandlerTest {

	private final TeamCreateHandler handler = new TeamCreateHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void afterALostAnswerATeamFivetranDoesNotShowIsSentAgain() {
		this.fivetran.fail(FivetranRequests.createTeam(Bodies.empty()), FivetranFailures.lostAnswer())
			.answer(FivetranRequests.createTeam(Bodies.empty()), "{'id':'t1','name':'ops'}")
			.list(FivetranRequests.listTeams(100));
		CommandResult result = only(this.handler.execute(command("{'name':'ops'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/teams", "GET /v1/teams", "POST /v1/teams");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.resourceId()).isEqualTo("t1");
		assertThat(result.attempts()).isEqualTo(2);
		assertThat(result.reason()).contains("sent again");
	}

	@Test
	void whenTheLookupFailsTooTheOutcomeIsUnknown() {
		this.fivetran.fail(FivetranRequests.createTeam(Bodies.empty()), FivetranFailures.lostAnswer())
			.fail(FivetranRequests.listTeams(100), FivetranFailures.unreachable());
		CommandResult result = only(this.handler.execute(command("{'name':'ops'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/teams", "GET /v1/teams");
		assertThat(result.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
	}

}
