package dev.ftbridge.completion;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ftbridge.support.Commands;
import dev.ftbridge.support.EventSchemas;
import dev.ftbridge.support.MockFivetran.Response;
import dev.ftbridge.support.MockFivetran;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asynchronous commands against the mock Fivetran, ended by webhooks this test signs
 * itself, by polling when no webhook comes, and across a restart of the consumer.
 */
class WebhookCompletionIntegrationTest extends AsyncFlowTest {

	@Test
	void aSyncIsAcceptedThenSucceedsWithTheSyncIdOfItsWebhooks() throws Exception {
		String connection = unique("wh");
		String command = acceptedSync(connection);
		assertThat(post(syncEvent("sync_start", connection, "sync-1", "{}"))).isEqualTo(202);
		assertThat(post(syncEvent("sync_end", connection, "sync-1", "{\"status\":\"SUCCESSFUL\"}"))).isEqualTo(202);
		Recorded result = lastResult(command, 2);
		assertThat(result.key()).isEqualTo(connection);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("sync_id")).isEqualTo("sync-1");
		assertThat(result.dataText("connection_id")).isEqualTo(connection);
		List<Recorded> statuses = statusesAbout(connection, "webhook", 2);
		assertThat(statuses).extracting((status) -> status.dataText("event")).containsExactly("sync_start", "sync_end");
		assertThat(statuses.get(1).dataText("sync_status")).isEqualTo("SUCCESSFUL");
		Recorded state = connectionState().await((r) -> connection.equals(r.key()), 2, WAIT).get(1);
		assertThat(state.dataText("event")).isEqualTo("sync_end");
	}

	@Test
	void aFailureWithTaskFailsTheCommandWithFivetransReasonAndTask() throws Exception {
		String connection = unique("wh");
		String command = acceptedSync(connection);
		post(syncEvent("sync_end", connection, "sync-9",
				"{\"status\":\"FAILURE_WITH_TASK\",\"reason\":\"Invalid credentials\",\"taskType\":\"reconnect\"}"));
		Recorded result = lastResult(command, 2);
		assertThat(result.dataText("outcome")).isEqualTo("FAILED");
		assertThat(result.dataText("reason")).contains("Invalid credentials").contains("reconnect");
		assertThat(result.data().path("retryable").asBoolean(true)).isFalse();
		assertThat(statusesAbout(connection, "webhook", 1).get(0).dataText("task_type")).isEqualTo("reconnect");
	}

	@Test
	void aForgedOrReplayedWebhookNeverReachesAStatusEvent() throws Exception {
		String connection = unique("wh");
		String command = acceptedSync(connection);
		String end = syncEvent("sync_end", connection, "sync-1", "{\"status\":\"SUCCESSFUL\"}");
		assertThat(post(end.replace("SUCCESSFUL", "FAILURE_WITH_TASK"), hmacHex("not-the-secret", end))).isEqualTo(401);
		assertThat(post(end)).isEqualTo(202);
		assertThat(lastResult(command, 2).dataText("outcome")).isEqualTo("SUCCEEDED");
		// Fivetran retrying a delivery, or someone replaying it: stored, then dropped.
		assertThat(post(end)).isEqualTo(202);
		// A webhook created 25 hours ago is older than any retry by Fivetran.
		String old = end.replaceAll("\"created\":\"[^\"]+\"",
				"\"created\":\"" + Instant.now().minusSeconds(25 * 3600) + "\"");
		assertThat(post(old)).isEqualTo(202);
		// Same connection, same partition, processed after the replays: once it is
		// seen, they were dropped.
		post(syncEvent("sync_start", connection, "sync-2", "{}"));
		assertThat(statusesAbout(connection, "webhook", 2)).extracting((status) -> status.dataText("event"))
			.containsExactly("sync_end", "sync_start");
		assertThat(results().matching((r) -> command.equals(r.dataText("command_id")))).hasSize(2);
		assertThat(scrape())
			.containsPattern("ftbridge_webhooks_deduplicated_total\\{account=\"default\",reason=\"duplicate\"\\} [1-9]")
			.containsPattern("ftbridge_webhooks_deduplicated_total\\{account=\"default\",reason=\"stale\"\\} [1-9]")
			.contains("ftbridge_pending_operations ")
			.contains("ftbridge_pending_operation_oldest_age_seconds ");
	}

	@Test
	void withoutWebhooksTheOperationEndsByPolling() {
		String done = unique("poll");
		String gone = unique("poll");
		fivetran.when((r) -> r.method().equals("GET") && r.path().equals("/v1/connections/" + done),
				(r) -> Response.json(200,
						MockFivetran.details(done)
							.replace("\"succeeded_at\":\"2026-11-28T09:00:00Z\"",
									"\"succeeded_at\":\"" + Instant.now() + "\"")
							.replace("\"failed_at\":null", "\"failed_at\":\"2026-11-28T08:00:00Z\"")));
		fivetran.when((r) -> r.method().equals("GET") && r.path().equals("/v1/connections/" + gone),
				(r) -> Response.error(404, "NotFound", "Connection not found"));
		String succeeded = acceptedSync(done);
		String failed = acceptedSync(gone);
		Recorded result = lastResult(succeeded, 2);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(Instant.parse(result.dataText("finished_at")))
			.isAfter(Instant.parse(result.dataText("received_at")).plusSeconds(3));
		Recorded polled = statusesOf(succeeded, 1).get(0);
		assertThat(polled.dataText("source")).isEqualTo("poll");
		assertThat(lastResult(failed, 2).dataText("outcome")).isEqualTo("FAILED");
		assertThat(lastResult(failed, 2).dataText("reason")).contains("404");
	}

	@Test
	void aTransformationRunEndsOnItsRunWebhook() throws Exception {
		String transformation = unique("tr");
		String command = Commands.newId();
		commands().send(transformation, command, "fivetran.transformation.run",
				"{\"transformation_id\":\"" + transformation + "\"}");
		assertThat(resultOf(command).dataText("outcome")).isEqualTo("ACCEPTED");
		post("{\"event\":\"transformation_run_succeeded\",\"created\":\"" + now() + "\",\"transformation_id\":\""
				+ transformation + "\",\"data\":{\"status\":\"SUCCEEDED\"}}");
		Recorded result = lastResult(command, 2);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("transformation_id")).isEqualTo(transformation);
		Recorded status = statusesAbout(transformation, "webhook", 1).get(0);
		assertThat(status.json().path("type").asString()).isEqualTo("fivetran.transformation.status.observed");
	}

	@Test
	void aRestartOfTheConsumerLosesNoPendingOperationAndForgetsNoWebhook() throws Exception {
		String before = unique("rs");
		String during = unique("rs");
		String first = acceptedSync(before);
		String start = syncEvent("sync_start", before, "sync-a", "{}");
		post(start);
		statusesAbout(before, "webhook", 1);
		this.webhookListenerContainer.stop();
		String second;
		try {
			second = acceptedSync(during);
			// Received while no consumer runs; processed after the restart.
			post(syncEvent("sync_end", during, "sync-b", "{\"status\":\"SUCCESSFUL\"}"));
		}
		finally {
			this.webhookListenerContainer.start();
		}
		// Processed before the restart: recognised after it.
		assertThat(post(start)).isEqualTo(202);
		// The sync id bound by sync_start before the restart still decides.
		post(syncEvent("sync_end", before, "sync-other", "{\"status\":\"SUCCESSFUL\"}"));
		post(syncEvent("sync_end", before, "sync-a", "{\"status\":\"SUCCESSFUL\"}"));
		Recorded firstEnd = lastResult(first, 2);
		assertThat(firstEnd.dataText("sync_id")).isEqualTo("sync-a");
		assertThat(lastResult(second, 2).dataText("sync_id")).isEqualTo("sync-b");
		assertThat(statuses().matching((r) -> before.equals(r.key()))).extracting((status) -> status.dataText("event"))
			.containsExactly("sync_start", "sync_end", "sync_end");
		assertThat(results().matching((r) -> first.equals(r.dataText("command_id")))).hasSize(2);
		EventSchemas.assertValid(firstEnd.json());
	}

	private String scrape() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/prometheus"))
				.build(), HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

}
