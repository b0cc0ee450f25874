package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class TransformationRunHandlerTest extends HandlerTest {

	private final TransformationRunHandler handler = new TransformationRunHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void aRunIsAcceptedAndCostlyToRepeat() {
		this.fivetran.answer(FivetranRequests.runTransformation("t1", Bodies.empty()), "{}");
		CommandResult result = only(this.handler.execute(command("{'transformation_id':'t1'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/transformations/t1/run");
		assertThat(this.fivetran.sent().get(0).body().has("transformation_id")).isFalse();
		assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(result.transformationId()).isEqualTo("t1");
		assertThat(this.handler.async()).isTrue();
		assertThat(this.handler.costlyToRepeat(command("{'transformation_id':'t1'}"))).isTrue();
	}

	@Test
	void cancelOnTimeoutIsTheBridgesAndNotSentToFivetran() {
		this.fivetran.answer(FivetranRequests.runTransformation("t1", Bodies.empty()), "{}");
		CommandResult result = only(this.handler
			.execute(command("{'transformation_id':'t1','full_refresh':true,'cancel_on_timeout':true}")));
		assertThat(this.fivetran.sent().get(0).body().propertyNames()).containsExactly("full_refresh");
		assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
	}

	@Test
	void reconcileOfARunThatStartedIsAcceptedWithoutAnotherRun() {
		this.fivetran.answer(FivetranRequests.transformationDetails("t1"),
				"{'id':'t1','last_started_at':'2026-03-01T11:59:40+00:00'}");
		CommandResult result = only(
				this.handler.reconcile(command("{'transformation_id':'t1'}"), NOW.minusSeconds(60)));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/transformations/t1");
		assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
	}

	@Test
	void reconcileOfARunThatDidNotStartIsUnknownAndNotSent() {
		this.fivetran.answer(FivetranRequests.transformationDetails("t1"),
				"{'id':'t1','last_started_at':'2026-03-01T08:00:00Z'}");
		CommandResult result = only(
				this.handler.reconcile(command("{'transformation_id':'t1'}"), NOW.minusSeconds(60)));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/transformations/t1");
		assertThat(result.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
		assertThat(result.reason()).contains("no run started");
	}

}
