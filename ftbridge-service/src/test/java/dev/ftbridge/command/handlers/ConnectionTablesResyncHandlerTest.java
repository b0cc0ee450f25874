package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionTablesResyncHandlerTest extends HandlerTest {

	private final ConnectionTablesResyncHandler handler = new ConnectionTablesResyncHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void tablesResyncSendsTheSchemaToTablesMapAsTheBody() {
		this.fivetran.answer(FivetranRequests.resyncTables("c1", null), "{}");
		CommandResult result = only(
				this.handler.execute(command("{'connection_id':'c1','scope':{'public':['orders','items']}}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/connections/c1/schemas/tables/resync");
		assertThat(this.fivetran.sent().get(0).body().path("public").size()).isEqualTo(2);
		assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
	}

	@Test
	void reconcileWhenFivetranCannotBeAskedIsUnknown() {
		this.fivetran.fail(FivetranRequests.connectionDetails("c1"), FivetranFailures.unreachable());
		CommandResult result = only(this.handler
			.reconcile(command("{'connection_id':'c1','scope':{'public':['orders']}}"), NOW.minusSeconds(60)));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/connections/c1");
		assertThat(result.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
		assertThat(result.reason()).contains("could not be asked");
	}

}
