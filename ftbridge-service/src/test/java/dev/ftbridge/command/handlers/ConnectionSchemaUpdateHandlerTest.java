package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionSchemaUpdateHandlerTest extends HandlerTest {

	private final ConnectionSchemaUpdateHandler handler = new ConnectionSchemaUpdateHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void aColumnUpdateIsSentToTheColumnWithTheNamesOutOfTheBody() {
		this.fivetran.answer(FivetranRequests.updateColumn("c1", "s", "t", "col", Bodies.empty()), "{}");
		CommandResult result = only(this.handler.execute(command(
				"{'connection_id':'c1','schema_name':'public','table_name':'orders','column_name':'email','hashed':true}")));
		FivetranRequest sent = this.fivetran.sent().get(0);
		assertThat(this.fivetran.sentPaths())
			.containsExactly("PATCH /v1/connections/c1/schemas/public/tables/orders/columns/email");
		assertThat(sent.body().properties()).extracting((field) -> field.getKey()).containsExactly("hashed");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void theLevelFollowsTheNamesGiven() {
		this.fivetran.answer(FivetranRequests.updateTable("c1", "s", "t", Bodies.empty()), "{}")
			.answer(FivetranRequests.updateSchema("c1", "s", Bodies.empty()), "{}")
			.answer(FivetranRequests.updateSchemaConfig("c1", Bodies.empty()), "{}");
		this.handler.execute(command("{'connection_id':'c1','schema_name':'public','table_name':'orders'}"));
		this.handler.execute(command("{'connection_id':'c1','schema_name':'public','enabled':false}"));
		this.handler.execute(command("{'connection_id':'c1','schema_change_handling':'BLOCK_ALL'}"));
		assertThat(this.fivetran.sentPaths()).containsExactly("PATCH /v1/connections/c1/schemas/public/tables/orders",
				"PATCH /v1/connections/c1/schemas/public", "PATCH /v1/connections/c1/schemas");
	}

}
