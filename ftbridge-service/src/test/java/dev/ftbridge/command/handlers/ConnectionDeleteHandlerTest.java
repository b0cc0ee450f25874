package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionDeleteHandlerTest extends HandlerTest {

	private final ConnectionDeleteHandler handler = new ConnectionDeleteHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void deleteSendsDeleteAndIsCostlyToRepeat() {
		this.fivetran.answer(FivetranRequests.deleteConnection("c1"), "{}");
		CommandResult result = only(this.handler.execute(command("{'connection_id':'c1'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("DELETE /v1/connections/c1");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(this.handler.costlyToRepeat(command("{'connection_id':'c1'}"))).isTrue();
	}

	@Test
	void reconcileOfADeleteThatLandedSucceedsWithoutSendingItAgain() {
		this.fivetran.fail(FivetranRequests.connectionDetails("c1"), FivetranFailures.rejected(404, "not found"));
		CommandResult result = only(this.handler.reconcile(command("{'connection_id':'c1'}"), NOW.minusSeconds(60)));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/connections/c1");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.reason()).contains("no longer exists");
	}

	@Test
	void reconcileOfADeleteThatDidNotLandDeletesNow() {
		this.fivetran.answer(FivetranRequests.connectionDetails("c1"), "{'id':'c1'}")
			.answer(FivetranRequests.deleteConnection("c1"), "{}");
		CommandResult result = only(this.handler.reconcile(command("{'connection_id':'c1'}"), NOW.minusSeconds(60)));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/connections/c1", "DELETE /v1/connections/c1");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void reconcileWhenFivetranCannotBeAskedIsUnknown() {
		this.fivetran.fail(FivetranRequests.connectionDetails("c1"), FivetranFailures.unreachable());
		CommandResult result = only(this.handler.reconcile(command("{'connection_id':'c1'}"), NOW.minusSeconds(60)));
		assertThat(result.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/connections/c1");
	}

}
