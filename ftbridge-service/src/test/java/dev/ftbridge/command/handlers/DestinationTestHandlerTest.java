package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class DestinationTestHandlerTest extends HandlerTest {

	private final DestinationTestHandler handler = new DestinationTestHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void passingSetupTestsSucceedAndTheIdStaysOutOfTheBody() {
		this.fivetran.answer(FivetranRequests.testDestination("g1", Bodies.empty()),
				"{'id':'g1','setup_tests':[{'title':'Connecting','status':'PASSED'}]}");
		CommandResult result = only(this.handler.execute(command("{'destination_id':'g1','trust_certificates':true}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/destinations/g1/test");
		assertThat(this.fivetran.sent().get(0).body()).isEqualTo(FakeFivetran.parse("{'trust_certificates':true}"));
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.groupId()).isEqualTo("g1");
	}

	@Test
	void aFailedSetupTestFailsNamingIt() {
		this.fivetran.answer(FivetranRequests.testDestination("g1", Bodies.empty()),
				"{'id':'g1','setup_tests':[{'title':'Connecting','status':'FAILED','message':'refused'}]}");
		CommandResult result = only(this.handler.execute(command("{'destination_id':'g1'}")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.reason()).contains("Connecting");
	}

}
