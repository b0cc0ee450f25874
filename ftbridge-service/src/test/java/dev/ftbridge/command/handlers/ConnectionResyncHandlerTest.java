package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionResyncHandlerTest extends HandlerTest {

	private final ConnectionResyncHandler handler = new ConnectionResyncHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void resyncSendsItsScopeAndIsAcceptedAndCostly() {
		this.fivetran.answer(FivetranRequests.resyncConnection("c1", null), "{}");
		String data = "{'connection_id':'c1','scope':{'public':['orders']}}";
		CommandResult result = only(this.handler.execute(command(data)));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/connections/c1/resync");
		assertThat(this.fivetran.sent().get(0).body().path("scope").path("public").path(0).asString())
			.isEqualTo("orders");
		assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(this.handler.costlyToRepeat(command(data))).isTrue();
	}

	@Test
	void resyncWhoseAnswerWasLostIsUnknownAndNotSentAgain() {
		this.fivetran.fail(FivetranRequests.resyncConnection("c1", null), FivetranFailures.lostAnswer());
		CommandResult result = only(this.handler.execute(command("{'connection_id':'c1'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/connections/c1/resync");
		assertThat(result.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
		assertThat(result.retryable()).isFalse();
	}

	@Test
	void reconcileOfAResyncThatEndedSinceItStartedIsAccepted() {
		this.fivetran.answer(FivetranRequests.connectionDetails("c1"),
				"{'id':'c1','succeeded_at':'2026-03-01T11:59:30Z','status':{'sync_state':'scheduled'}}");
		CommandResult result = only(this.handler.reconcile(command("{'connection_id':'c1'}"), NOW.minusSeconds(60)));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/connections/c1");
		assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(result.reason()).contains("a sync ended at 2026-03-01T11:59:30Z");
	}

}
