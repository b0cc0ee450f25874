package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionStatusHandlerTest extends HandlerTest {

	private final ConnectionStatusHandler handler = new ConnectionStatusHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void statusReadsTheConnectionAndPublishesItsStatus() {
		this.fivetran.answer(FivetranRequests.connectionDetails("c1"),
				"{'id':'c1','group_id':'g1','paused':true,'status':{'setup_state':'connected','sync_state':'paused'}}");
		Execution execution = this.handler.execute(command("{'connection_id':'c1'}"));
		CommandResult result = only(execution);
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/connections/c1");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.groupId()).isEqualTo("g1");
		assertThat(execution.statuses()).singleElement().satisfies((status) -> {
			assertThat(status.connectionId()).isEqualTo("c1");
			assertThat(status.paused()).isTrue();
			assertThat(status.syncState()).isEqualTo("paused");
			assertThat(status.commandId()).isEqualTo(result.commandId());
		});
	}

	@Test
	void aFailedReadPublishesNoStatus() {
		this.fivetran.fail(FivetranRequests.connectionDetails("c1"), FivetranFailures.unreachable());
		Execution execution = this.handler.execute(command("{'connection_id':'c1'}"));
		assertThat(only(execution).outcome()).isEqualTo(Outcome.FAILED);
		assertThat(execution.statuses()).isEmpty();
	}

}
