package dev.ftbridge.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;

import dev.ftbridge.support.Commands;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fivetran down or refusing the credentials: commands wait in Kafka (nothing is
 * dead-lettered or failed for it), intake pauses, readiness goes DOWN, and everything
 * completes once Fivetran is back.
 */
class OutageIntegrationTest extends SandboxBridgeTest {

	@Autowired
	private MeterRegistry meters;

	@LocalManagementPort
	private int port;

	@Test
	void anOutagePausesIntakeAndEveryCommandCompletesAfterRecovery() {
		String group = sandbox.state().addGroup(unique("outage")).id();
		List<String> connections = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			connections.add(sandbox.state().addConnection(group, "postgres", "s" + i));
		}
		sandbox.faults().outage(Duration.ofMinutes(4));
		List<String> ids = new ArrayList<>();
		for (String connection : connections) {
			ids.add(send(connection, "fivetran.connection.pause"));
			ids.add(send(connection, "fivetran.connection.resume"));
		}
		await().atMost(WAIT).untilAsserted(() -> assertThat(readiness()).contains("OUT_OF_SERVICE"));
		for (String id : ids) {
			Recorded result = results().await((r) -> id.equals(r.dataText("command_id")), 1, WAIT).get(0);
			assertThat(result.dataText("outcome")).as("command %s", id).isEqualTo("SUCCEEDED");
		}
		assertThat(deadLetters().matching((r) -> connections.contains(r.key()))).isEmpty();
		assertThat(sandbox.state().connectionDetails(connections.get(0)).orElseThrow().path("paused").asBoolean())
			.as("pause then resume, in order")
			.isFalse();
		await().atMost(WAIT).untilAsserted(() -> assertThat(readiness()).contains("\"UP\""));
		long outageAnswers = sandbox.requestLog().matching((r) -> r.status() == 503).size();
		System.out.printf("outage: %d commands completed after a 4-minute (sandbox) outage; %d calls hit it%n",
				ids.size(), outageAnswers);
	}

	@Test
	void refusedCredentialsPauseIntakeUntilAProbeSucceeds() {
		String group = sandbox.state().addGroup(unique("auth")).id();
		String connection = sandbox.state().addConnection(group, "postgres", "auth");
		sandbox.faults().unauthorized(true);
		String id = send(connection, "fivetran.connection.pause");
		await().atMost(WAIT).untilAsserted(() -> assertThat(readiness()).contains("OUT_OF_SERVICE"));
		assertThat(results().matching((r) -> id.equals(r.dataText("command_id")))).as("no result while refused")
			.isEmpty();
		// the only account is unavailable: commands wait in Kafka, not in memory
		await().atMost(WAIT).untilAsserted(() -> assertThat(intakePaused()).isEqualTo(1.0));
		sandbox.faults().unauthorized(false);
		Recorded result = results().await((r) -> id.equals(r.dataText("command_id")), 1, WAIT).get(0);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		await().atMost(WAIT).untilAsserted(() -> assertThat(intakePaused()).isEqualTo(0.0));
		assertThat(deadLetters().matching((r) -> connection.equals(r.key()))).isEmpty();
	}

	private double intakePaused() {
		return this.meters.get("ftbridge.commands.intake.paused").gauge().value();
	}

	private String send(String connection, String type) {
		String id = Commands.newId();
		commands().send(connection, id, type, "{\"connection_id\":\"" + connection + "\"}");
		return id;
	}

	private String readiness() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
				.build(), HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

}
