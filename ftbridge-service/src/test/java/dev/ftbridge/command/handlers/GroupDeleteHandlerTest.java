package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class GroupDeleteHandlerTest extends HandlerTest {

	private final GroupDeleteHandler handler = new GroupDeleteHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void aGroupHoldingConnectionsIsRejectedNamingThemAndNotDeleted() {
		this.fivetran.list(FivetranRequests.groupConnections("g1", 100),
				"{'id':'c1','schema':'pg','service':'postgres'}", "{'id':'c2','schema':'sf','service':'salesforce'}");
		CommandResult result = only(this.handler.execute(command("{'group_id':'g1'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/groups/g1/connections");
		assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
		assertThat(result.reason()).contains("2 connection(s)", "pg (c1, postgres)", "sf (c2, salesforce)", "force");
		assertThat(result.response().path("would_delete")).hasSize(2);
	}

	@Test
	void anEmptyGroupIsDeletedWithoutForce() {
		this.fivetran.list(FivetranRequests.groupConnections("g1", 100))
			.answer(FivetranRequests.deleteGroup("g1"), "{}");
		CommandResult result = only(this.handler.execute(command("{'group_id':'g1'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/groups/g1/connections", "DELETE /v1/groups/g1");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void aForcedDeleteSendsOnlyTheDelete() {
		this.fivetran.answer(FivetranRequests.deleteGroup("g1"), "{}");
		CommandResult result = only(this.handler.execute(command("{'group_id':'g1','force':true}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("DELETE /v1/groups/g1");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(this.handler.costlyToRepeat(command("{'group_id':'g1'}"))).isTrue();
	}

	@Test
	void reconcileOfADeleteThatLandedSucceedsWithoutSendingItAgain() {
		this.fivetran.fail(FivetranRequests.groupDetails("g1"), FivetranFailures.rejected(404, "not found"));
		CommandResult result = only(
				this.handler.reconcile(command("{'group_id':'g1','force':true}"), NOW.minusSeconds(60)));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/groups/g1");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.reason()).contains("no longer exists");
	}

}
