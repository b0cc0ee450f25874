package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionResumeHandlerTest extends HandlerTest {

	private final ConnectionResumeHandler handler = new ConnectionResumeHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void resumeSendsPausedFalse() {
		this.fivetran.answer(FivetranRequests.setPaused("c1", false), "{'id':'c1','paused':false}");
		CommandResult result = only(this.handler.execute(command("{'connection_id':'c1'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("PATCH /v1/connections/c1");
		assertThat(this.fivetran.sent().get(0).body().path("paused").asBoolean(true)).isFalse();
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void resumePublishesTheConnectionAsFivetranAnswersItNowNotPaused() {
		this.fivetran.answer(FivetranRequests.setPaused("c1", false),
				"{'id':'c1','group_id':'g1','service':'postgres','schema':'pg','paused':false,"
						+ "'status':{'setup_state':'connected','sync_state':'scheduled'}}");
		Execution execution = this.handler.execute(command("{'connection_id':'c1'}"));
		assertThat(execution.statuses()).singleElement().satisfies((status) -> {
			assertThat(status.connectionId()).isEqualTo("c1");
			assertThat(status.paused()).isFalse();
			assertThat(status.groupId()).isEqualTo("g1");
			assertThat(status.setupState()).isEqualTo("connected");
			assertThat(status.source()).isEqualTo("command");
		});
		assertThat(only(execution).groupId()).isEqualTo("g1");
	}

	@Test
	void anAnswerWithoutAConnectionPublishesOnlyTheResult() {
		this.fivetran.answer(FivetranRequests.setPaused("c1", false), "{}");
		Execution execution = this.handler.execute(command("{'connection_id':'c1'}"));
		assertThat(execution.statuses()).isEmpty();
		assertThat(only(execution).outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void resumeWhoseAnswerWasLostFailsRetryablyBecauseAPatchIsSafeToRepeat() {
		this.fivetran.fail(FivetranRequests.setPaused("c1", false), FivetranFailures.lostAnswer());
		CommandResult result = only(this.handler.execute(command("{'connection_id':'c1'}")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.retryable()).isTrue();
	}

}
