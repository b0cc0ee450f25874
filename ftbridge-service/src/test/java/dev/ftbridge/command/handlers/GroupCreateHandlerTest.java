package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class GroupCreateHandlerTest extends HandlerTest {

	private final GroupCreateHandler handler = new GroupCreateHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void aCreatedGroupsIdIsTheResultsResourceAndGroupId() {
		this.fivetran.answer(FivetranRequests.createGroup(Bodies.empty()), "{'id':'g9','name':'sales'}");
		CommandResult result = only(this.handler.execute(command("{'name':'sales'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/groups");
		assertThat(this.fivetran.sent().get(0).body().path("name").asString()).isEqualTo("sales");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.resourceId()).isEqualTo("g9");
		assertThat(result.groupId()).isEqualTo("g9");
		assertThat(this.handler.costlyToRepeat(command("{'name':'sales'}"))).isTrue();
	}

	@Test
	void afterALostAnswerAGroupFivetranShowsIsNotCreatedAgain() {
		this.fivetran.fail(FivetranRequests.createGroup(Bodies.empty()), FivetranFailures.lostAnswer())
			.list(FivetranRequests.listGroups(100), "{'id':'g0','name':'other'}", "{'id':'g9','name':'Sales'}");
		CommandResult result = only(this.handler.execute(command("{'name':'sales'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/groups", "GET /v1/groups");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.groupId()).isEqualTo("g9");
		assertThat(result.reason()).contains("answer was lost").contains("ran once");
	}

	@Test
	void reconcileSendsTheCreateWhenFivetranHasNoSuchGroup() {
		this.fivetran.list(FivetranRequests.listGroups(100), "{'id':'g0','name':'other'}")
			.answer(FivetranRequests.createGroup(Bodies.empty()), "{'id':'g9','name':'sales'}");
		CommandResult result = only(this.handler.reconcile(command("{'name':'sales'}"), NOW.minusSeconds(60)));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/groups", "POST /v1/groups");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.reason()).contains("showed no such resource");
	}

}
