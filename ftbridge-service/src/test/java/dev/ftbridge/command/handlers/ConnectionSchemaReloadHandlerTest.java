package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionSchemaReloadHandlerTest extends HandlerTest {

	private final ConnectionSchemaReloadHandler handler = new ConnectionSchemaReloadHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void reloadSendsItsOptionsAndSucceeds() {
		this.fivetran.answer(FivetranRequests.reloadSchemaConfig("c1", Bodies.empty()),
				"{'schema_change_handling':'ALLOW_ALL','schemas':{}}");
		CommandResult result = only(this.handler.execute(command("{'connection_id':'c1','exclude_mode':'EXCLUDE'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/connections/c1/schemas/reload");
		assertThat(this.fivetran.sent().get(0).body().path("exclude_mode").asString()).isEqualTo("EXCLUDE");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.response().path("schema_change_handling").asString()).isEqualTo("ALLOW_ALL");
	}

	@Test
	void aRejectedReloadFailsWithFivetransMessage() {
		this.fivetran.fail(FivetranRequests.reloadSchemaConfig("c1", Bodies.empty()),
				FivetranFailures.rejected(409, "reload in progress"));
		CommandResult result = only(this.handler.execute(command("{'connection_id':'c1'}")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.httpStatus()).isEqualTo(409);
		assertThat(result.fivetranMessage()).isEqualTo("reload in progress");
	}

}
