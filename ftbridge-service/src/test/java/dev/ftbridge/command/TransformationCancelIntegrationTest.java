package dev.ftbridge.command;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.TestPropertySource;

import dev.ftbridge.resilience.SandboxBridgeTest;
import dev.ftbridge.sandbox.LoggedRequest;
import dev.ftbridge.support.EventSchemas;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fivetran.transformation.cancel} and a run's {@code cancel_on_timeout} end to
 * end: commands on Kafka, the requests the sandbox receives, the transformation's state
 * there, and the results. Runs here are scripted to hang, and pending operations time out
 * after a few seconds.
 */
@TestPropertySource(properties = { "ftbridge.test.context=transformations-and-cards", "ftbridge.operations.timeout=8s",
		"ftbridge.operations.poll-after=1s", "ftbridge.operations.poll-interval=500ms",
		"ftbridge.operations.tick=200ms" })
class TransformationCancelIntegrationTest extends SandboxBridgeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void cancelStopsARunningTransformationAndItsRunCommandEndsFailed() {
		String transformation = hangingTransformation();
		String run = sendCommand(transformation, "fivetran.transformation.run",
				"{\"transformation_id\":\"" + transformation + "\"}");
		assertThat(resultOf(run).dataText("outcome")).isEqualTo("ACCEPTED");
		assertThat(status(transformation)).isEqualTo("RUNNING");

		Recorded cancelled = resultOf(sendCommand(transformation, "fivetran.transformation.cancel",
				"{\"transformation_id\":\"" + transformation + "\"}"));
		assertThat(cancelled.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(cancelled.dataText("transformation_id")).isEqualTo(transformation);
		assertThat(status(transformation)).isEqualTo("CANCELED");
		List<LoggedRequest> cancels = cancels(transformation);
		assertThat(cancels).hasSize(1);
		assertThat(cancels.get(0).body()).isEmpty();
		assertThat(cancels.get(0).headers().get("Accept")).containsExactly("application/json");

		Recorded end = lastResult(run);
		assertThat(end.dataText("outcome")).isEqualTo("FAILED");
		assertThat(end.dataText("reason")).contains("CANCELED");
	}

	@Test
	void cancelOfAMissingTransformationFails() {
		Recorded result = resultOf(
				sendCommand("tr_missing", "fivetran.transformation.cancel", "{\"transformation_id\":\"tr_missing\"}"));
		assertThat(result.dataText("outcome")).isEqualTo("FAILED");
		assertThat(result.data().path("http_status").asInt()).isEqualTo(404);
	}

	@Test
	void aTimedOutRunIsCancelledOnlyWhenItsCommandAskedForIt() {
		String cancelling = hangingTransformation();
		String left = hangingTransformation();
		String first = sendCommand(cancelling, "fivetran.transformation.run",
				"{\"transformation_id\":\"" + cancelling + "\",\"cancel_on_timeout\":true}");
		String second = sendCommand(left, "fivetran.transformation.run", "{\"transformation_id\":\"" + left + "\"}");
		assertThat(resultOf(first).dataText("outcome")).isEqualTo("ACCEPTED");
		assertThat(resultOf(second).dataText("outcome")).isEqualTo("ACCEPTED");
		assertThat(only("POST", "/v1/transformations/" + cancelling + "/run").body())
			.doesNotContain("cancel_on_timeout");

		Recorded timedOut = lastResult(first);
		assertThat(timedOut.dataText("outcome")).isEqualTo("TIMED_OUT");
		assertThat(timedOut.dataText("reason")).contains("the run was cancelled at Fivetran");
		assertThat(status(cancelling)).isEqualTo("CANCELED");
		assertThat(cancels(cancelling)).hasSize(1);

		Recorded leftRunning = lastResult(second);
		assertThat(leftRunning.dataText("outcome")).isEqualTo("TIMED_OUT");
		assertThat(leftRunning.dataText("reason")).doesNotContain("cancel");
		assertThat(status(left)).isEqualTo("RUNNING");
		assertThat(cancels(left)).isEmpty();
	}

	private static String hangingTransformation() {
		return sandbox.state().addTransformation(JSON.createObjectNode().put("sandbox_run", "hang"));
	}

	private static String status(String transformation) {
		return sandbox.state().transformationDetails(transformation).orElseThrow().path("status").asString();
	}

	private static List<LoggedRequest> cancels(String transformation) {
		return sandbox.requestLog()
			.matching((r) -> r.method().equals("POST")
					&& r.path().equals("/v1/transformations/" + transformation + "/cancel"));
	}

	/** The terminal (second) result of an async command, schema-checked. */
	private Recorded lastResult(String commandId) {
		List<Recorded> found = results().await((r) -> commandId.equals(r.dataText("command_id")), 2, WAIT);
		assertThat(found).hasSize(2);
		found.forEach((result) -> EventSchemas.assertValid(result.json()));
		return found.get(1);
	}

}
