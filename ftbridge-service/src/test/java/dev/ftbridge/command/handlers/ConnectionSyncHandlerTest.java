package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionSyncHandlerTest extends HandlerTest {

	private final ConnectionSyncHandler handler = new ConnectionSyncHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void syncIsAcceptedBecauseFivetranFinishesItLater() {
		this.fivetran.answer(FivetranRequests.syncConnection("c1", false), "{}");
		CommandResult result = only(this.handler.execute(command("{'connection_id':'c1'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/connections/c1/sync");
		assertThat(this.fivetran.sent().get(0).body().path("force").asBoolean(true)).isFalse();
		assertThat(this.handler.async()).isTrue();
		assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
	}

	@Test
	void onlyAForcedSyncIsCostlyToRepeat() {
		assertThat(this.handler.costlyToRepeat(command("{'connection_id':'c1'}"))).isFalse();
		assertThat(this.handler.costlyToRepeat(command("{'connection_id':'c1','force':true}"))).isTrue();
		this.fivetran.answer(FivetranRequests.syncConnection("c1", true), "{}");
		this.handler.execute(command("{'connection_id':'c1','force':true}"));
		assertThat(this.fivetran.sent().get(0).body().path("force").asBoolean(false)).isTrue();
		assertThat(this.fivetran.sent().get(0).idempotent()).isFalse();
	}

	@Test
	void reconcileOfARunningSyncIsAcceptedWithoutSendingAnother() {
		this.fivetran.answer(FivetranRequests.connectionDetails("c1"), "{'id':'c1','status':{'sync_state':'syncing'}}");
		CommandResult result = only(
				this.handler.reconcile(command("{'connection_id':'c1','force':true}"), NOW.minusSeconds(60)));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/connections/c1");
		assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(result.reason()).contains("a sync is running");
	}

	@Test
	void reconcileWhenNoSyncHappenedSinceTheStartIsUnknownAndNotSent() {
		this.fivetran.answer(FivetranRequests.connectionDetails("c1"),
				"{'id':'c1','succeeded_at':'2026-03-01T10:00:00Z','status':{'sync_state':'scheduled'}}");
		CommandResult result = only(
				this.handler.reconcile(command("{'connection_id':'c1','force':true}"), NOW.minusSeconds(60)));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/connections/c1");
		assertThat(result.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
		assertThat(result.retryable()).isFalse();
	}

}
