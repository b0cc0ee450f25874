package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionUpdateHandlerTest extends HandlerTest {

	private final ConnectionUpdateHandler handler = new ConnectionUpdateHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void updateSendsTheDataWithoutTheIdAndKeepsSecretsOutOfTheResult() {
		this.fivetran.answer(FivetranRequests.updateConnection("c1", Bodies.empty()),
				"{'id':'c1','sync_frequency':60,'config':{'password':'hunter2'}}");
		CommandResult result = only(
				this.handler.execute(command("{'connection_id':'c1','sync_frequency':60,'run_setup_tests':false}")));
		FivetranRequest sent = this.fivetran.sent().get(0);
		assertThat(this.fivetran.sentPaths()).containsExactly("PATCH /v1/connections/c1");
		assertThat(sent.body().has("connection_id")).isFalse();
		assertThat(sent.body().path("sync_frequency").asInt()).isEqualTo(60);
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.response().has("config")).isFalse();
		assertThat(result.response().path("sync_frequency").asInt()).isEqualTo(60);
	}

}
