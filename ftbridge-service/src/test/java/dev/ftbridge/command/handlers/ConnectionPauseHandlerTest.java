package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionPauseHandlerTest extends HandlerTest {

	private final ConnectionPauseHandler handler = new ConnectionPauseHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void pauseSendsPausedWithoutSetupTestsAndSucceeds() {
		this.fivetran.answer(FivetranRequests.setPaused("c1", true), "{'id':'c1','paused':true}");
		CommandResult result = only(this.handler.execute(command("{'connection_id':'c1'}")));
		FivetranRequest sent = this.fivetran.sent().get(0);
		assertThat(this.fivetran.sentPaths()).containsExactly("PATCH /v1/connections/c1");
		assertThat(sent.body().path("paused").asBoolean(false)).isTrue();
		assertThat(sent.body().path("run_setup_tests").asBoolean(true)).isFalse();
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.connectionId()).isEqualTo("c1");
		assertThat(result.response().path("paused").asBoolean(false)).isTrue();
	}

	@Test
	void pauseOfAMissingConnectionFailsWithoutRetry() {
		this.fivetran.fail(FivetranRequests.setPaused("gone", true), FivetranFailures.rejected(404, "not found"));
		CommandResult result = only(this.handler.execute(command("{'connection_id':'gone'}")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.httpStatus()).isEqualTo(404);
		assertThat(result.retryable()).isFalse();
		assertThat(result.reason()).contains("rejected").contains("not found");
	}

	@Test
	void pauseIsNeitherAsyncNorCostly() {
		assertThat(this.handler.async()).isFalse();
		assertThat(this.handler.costlyToRepeat(command("{'connection_id':'c1'}"))).isFalse();
	}

}
