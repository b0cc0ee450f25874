package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionAwaitHandlerTest extends HandlerTest {

	private final ConnectionAwaitHandler handler = new ConnectionAwaitHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void aSyncThatAlreadySucceededAfterAfterSucceedsAtOnceWithoutAPost() {
		details("'succeeded_at':'2026-03-01T11:30:00Z','failed_at':'2026-03-01T09:00:00Z'");
		CommandResult result = only(
				this.handler.execute(command("{'connection_id':'c1','after':'2026-03-01T11:00:00Z'}")));
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.response().path("succeeded_at").asString()).isEqualTo("2026-03-01T11:30:00Z");
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/connections/c1");
	}

	@Test
	void aSyncThatAlreadyFailedAfterAfterFailsWithFivetransTask() {
		details("'succeeded_at':'2026-03-01T09:00:00Z','failed_at':'2026-03-01T11:30:00Z',"
				+ "'status':{'tasks':[{'code':'reconnect','message':'Credentials expired'}]}");
		CommandResult result = only(
				this.handler.execute(command("{'connection_id':'c1','after':'2026-03-01T11:00:00Z'}")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.reason()).contains("2026-03-01T11:30:00Z")
			.contains("reconnect")
			.contains("Credentials expired");
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/connections/c1");
	}

	@Test
	void noSyncEndedSinceTheCommandIsAcceptedWithoutAPost() {
		details("'succeeded_at':'2026-03-01T11:30:00Z','status':{'sync_state':'scheduled'}");
		CommandResult result = only(this.handler.execute(command("{'connection_id':'c1'}")));
		assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(result.connectionId()).isEqualTo("c1");
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/connections/c1");
		assertThat(this.handler.costlyToRepeat(command("{'connection_id':'c1'}"))).isFalse();
	}

	@Test
	void dataFresherThanMaxAgeSucceedsAtOnceButOlderDataWaits() {
		details("'succeeded_at':'2026-03-01T11:30:00Z'");
		assertThat(only(this.handler.execute(command("{'connection_id':'c1','max_age':'PT1H'}"))).outcome())
			.isEqualTo(Outcome.SUCCEEDED);
		assertThat(only(this.handler.execute(command("{'connection_id':'c1','max_age':'PT10M'}"))).outcome())
			.isEqualTo(Outcome.ACCEPTED);
		assertThat(this.fivetran.sentPaths()).allMatch((path) -> path.startsWith("GET "));
	}

	private void details(String fields) {
		this.fivetran.answer(FivetranRequests.connectionDetails("c1"), "{'id':'c1'," + fields + "}");
	}

}
