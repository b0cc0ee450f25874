package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class GroupStatusHandlerTest extends HandlerTest {

	private final GroupStatusHandler handler = new GroupStatusHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void groupStatusPublishesTheConnectionsThatMatchTheFilter() {
		this.fivetran.list(FivetranRequests.groupConnections("g1", 100),
				"{'id':'c1','group_id':'g1','status':{'setup_state':'broken','sync_state':'scheduled'}}",
				"{'id':'c2','group_id':'g1','status':{'setup_state':'connected','sync_state':'scheduled'}}",
				"{'id':'c3','group_id':'g1','status':{'setup_state':'incomplete','sync_state':'paused'}}");
		Execution execution = this.handler
			.execute(command("{'group_id':'g1','setup_state':['broken','incomplete'],'sync_state':['scheduled']}"));
		CommandResult result = only(execution);
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/groups/g1/connections");
		assertThat(this.fivetran.sent().get(0).query()).containsEntry("limit", "100");
		assertThat(execution.statuses()).extracting((status) -> status.connectionId()).containsExactly("c1");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.response().path("connections").asInt()).isEqualTo(3);
		assertThat(result.response().path("matched").asInt()).isEqualTo(1);
	}

	@Test
	void withoutFiltersEveryConnectionIsPublished() {
		this.fivetran.list(FivetranRequests.groupConnections("g1", 100), "{'id':'c1'}", "{'id':'c2'}");
		Execution execution = this.handler.execute(command("{'group_id':'g1'}"));
		assertThat(execution.statuses()).extracting((status) -> status.connectionId()).containsExactly("c1", "c2");
	}

}
