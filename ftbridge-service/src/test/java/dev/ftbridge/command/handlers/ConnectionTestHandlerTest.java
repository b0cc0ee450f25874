package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionTestHandlerTest extends HandlerTest {

	private final ConnectionTestHandler handler = new ConnectionTestHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void testsThatAllPassSucceed() {
		this.fivetran.answer(FivetranRequests.runSetupTests("c1", Bodies.empty()),
				"{'id':'c1','setup_tests':[{'title':'Connecting','status':'PASSED'},{'title':'Reading','status':'WARNING'}]}");
		CommandResult result = only(this.handler.execute(command("{'connection_id':'c1','trust_certificates':true}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/connections/c1/test");
		assertThat(this.fivetran.sent().get(0).body().path("trust_certificates").asBoolean(false)).isTrue();
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void aFailedTestFailsTheCommandWithItsTitleAndMessage() {
		this.fivetran.answer(FivetranRequests.runSetupTests("c1", Bodies.empty()),
				"{'id':'c1','setup_tests':[{'title':'Connecting','status':'PASSED'},"
						+ "{'title':'Validating certificate','status':'FAILED','message':'untrusted'},"
						+ "{'title':'Reading','status':'JOB_FAILED','message':'timeout'}]}");
		CommandResult result = only(this.handler.execute(command("{'connection_id':'c1'}")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.retryable()).isFalse();
		assertThat(result.reason())
			.isEqualTo("setup tests failed: Validating certificate: untrusted; Reading: timeout");
	}

	@Test
	void withSyncAfterFixPassedTestsStartASyncThatIsFollowedToItsEnd() {
		this.fivetran
			.answer(FivetranRequests.runSetupTests("c1", Bodies.empty()),
					"{'id':'c1','setup_tests':[{'title':'Connecting','status':'PASSED'}]}")
			.answer(FivetranRequests.syncConnection("c1", false), "{}");
		CommandResult result = only(this.handler.execute(command("{'connection_id':'c1','sync_after_fix':true}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/connections/c1/test",
				"POST /v1/connections/c1/sync");
		assertThat(this.fivetran.sent().get(0).body().has("sync_after_fix")).isFalse();
		assertThat(this.fivetran.sent().get(1).body().path("force").asBoolean(true)).isFalse();
		assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(result.connectionId()).isEqualTo("c1");
		assertThat(result.attempts()).isEqualTo(2);
		assertThat(this.handler.costlyToRepeat(command("{'connection_id':'c1','sync_after_fix':true}"))).isFalse();
	}

	@Test
	void withSyncAfterFixFailedTestsStartNoSync() {
		this.fivetran.answer(FivetranRequests.runSetupTests("c1", Bodies.empty()),
				"{'id':'c1','setup_tests':[{'title':'Connecting','status':'FAILED','message':'refused'}]}");
		CommandResult result = only(this.handler.execute(command("{'connection_id':'c1','sync_after_fix':true}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/connections/c1/test");
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
	}

	@Test
	void aSyncThatCannotBeStartedAfterPassedTestsFailsSayingSo() {
		this.fivetran
			.answer(FivetranRequests.runSetupTests("c1", Bodies.empty()),
					"{'id':'c1','setup_tests':[{'title':'Connecting','status':'PASSED'}]}")
			.fail(FivetranRequests.syncConnection("c1", false), FivetranFailures.rejected(409, "paused"));
		CommandResult result = only(this.handler.execute(command("{'connection_id':'c1','sync_after_fix':true}")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.reason()).startsWith("the setup tests passed, but the sync was not started");
		assertThat(result.httpStatus()).isEqualTo(409);
	}

}
