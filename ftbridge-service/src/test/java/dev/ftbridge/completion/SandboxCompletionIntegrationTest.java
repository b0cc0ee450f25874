package dev.ftbridge.completion;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.ftbridge.sandbox.FivetranSandbox;
import dev.ftbridge.sandbox.Latency;
import dev.ftbridge.sandbox.SandboxSettings;
import dev.ftbridge.sandbox.SyncScript;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end with the Fivetran sandbox: its scripted syncs and transformation runs end
 * the bridge's commands through the signed webhooks it delivers, or through polling when
 * its webhooks are switched off. The mock Fivetran hands the sandbox's resources on to
 * it.
 */
class SandboxCompletionIntegrationTest extends AsyncFlowTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static FivetranSandbox sandbox;

	private static String groupId;

	@BeforeEach
	void startSandbox() {
		if (sandbox == null) {
			sandbox = new FivetranSandbox(SandboxSettings.defaults()
				.withCredentials("test-key", "test-secret")
				.withLatency(Latency.disabled())
				.withLifecycle(new SandboxSettings.Lifecycle(Duration.ofSeconds(1), Duration.ofSeconds(1)))
				.withWebhook(webhookUri(), SECRET)).start();
			groupId = sandbox.state().addGroup("warehouse").id();
		}
	}

	@AfterAll
	static void stopSandbox() {
		if (sandbox != null) {
			sandbox.close();
			sandbox = null;
		}
	}

	@Test
	void aSandboxSyncSucceedsWithTheSyncIdOfItsSyncEnd() {
		String connection = connection();
		String command = acceptedSync(connection);
		Recorded result = lastResult(command, 2);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		Recorded end = statuses()
			.await((r) -> connection.equals(r.key()) && "sync_end".equals(r.dataText("event")), 1, WAIT)
			.get(0);
		assertThat(result.dataText("sync_id")).isNotBlank().isEqualTo(end.dataText("sync_id"));
	}

	@Test
	void aFailedSyncThatFivetranRetriesSuccessfullySucceeds() {
		String connection = connection();
		sandbox.script(connection,
				SyncScript.failedThenSuccessful("Connection reset by source", Duration.ofSeconds(1)));
		String command = acceptedSync(connection);
		Recorded result = lastResult(command, 2);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("reason")).contains("Connection reset by source");
		assertThat(syncEnds(connection, 2)).containsExactly("FAILED", "SUCCESSFUL");
	}

	@Test
	void aFailureWithTaskFailsTheCommand() {
		String connection = connection();
		sandbox.script(connection, SyncScript.failureWithTask("Credentials expired", "reconnect"));
		Recorded result = lastResult(acceptedSync(connection), 2);
		assertThat(result.dataText("outcome")).isEqualTo("FAILED");
		assertThat(result.dataText("reason")).contains("Credentials expired").contains("reconnect");
	}

	@Test
	void aRescheduledSyncOfAManualConnectionIsTriggeredAgainWhenDue() throws Exception {
		String connection = connection();
		patch(connection, "{\"schedule_type\":\"manual\",\"run_setup_tests\":false}");
		sandbox.script(connection, SyncScript.rescheduled(Duration.ofSeconds(2)), SyncScript.successful());
		String command = acceptedSync(connection);
		Recorded result = lastResult(command, 2);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.data().path("attempts").asInt()).isEqualTo(2);
		assertThat(fivetran.requests("POST", "/v1/connections/" + connection + "/sync")).hasSize(2);
		assertThat(syncEnds(connection, 2)).containsExactly("RESCHEDULED", "SUCCESSFUL");
	}

	@Test
	void aTransformationRunEndsFromTheSandboxWebhook() {
		String transformation = sandbox.state().addTransformation(JsonMapper.builder().build().createObjectNode());
		proxy("/v1/transformations/" + transformation);
		String command = Commands.newId();
		commands().send(transformation, command, "fivetran.transformation.run",
				"{\"transformation_id\":\"" + transformation + "\"}");
		Recorded result = lastResult(command, 2);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("transformation_id")).isEqualTo(transformation);
	}

	@Test
	void withWebhooksSwitchedOffASyncEndsByPolling() {
		sandbox.webhooks().enabled(false);
		try {
			String connection = connection();
			String command = acceptedSync(connection);
			Recorded result = lastResult(command, 2);
			assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
			assertThat(statusesOf(command, 1).get(0).dataText("source")).isEqualTo("poll");
		}
		finally {
			sandbox.webhooks().enabled(true);
		}
	}

	@Test
	void aSetupTestWithSyncAfterFixStartsASyncFollowedToItsEnd() {
		String connection = connection(
				JsonMapper.builder().build().createObjectNode().put("sandbox_setup", "untrusted_certificate"));
		String command = Commands.newId();
		commands().send(connection, command, "fivetran.connection.test",
				"{\"connection_id\":\"" + connection + "\",\"trust_certificates\":true,\"sync_after_fix\":true}");
		List<Recorded> results = resultsOf(command, 2);
		assertThat(results).extracting((r) -> r.dataText("outcome")).containsExactly("ACCEPTED", "SUCCEEDED");
		Recorded end = statuses()
			.await((r) -> connection.equals(r.key()) && "sync_end".equals(r.dataText("event")), 1, WAIT)
			.get(0);
		assertThat(results.get(1).dataText("sync_id")).isNotBlank().isEqualTo(end.dataText("sync_id"));
		assertThat(fivetran.requests("POST", "/v1/connections/" + connection + "/test")).hasSize(1);
		assertThat(fivetran.requests("POST", "/v1/connections/" + connection + "/sync")).singleElement()
			.satisfies((sync) -> assertThat(sync.body()).contains("\"force\":false"));
	}

	@Test
	void aHealWithSyncAfterFixFollowsEachHealedConnectionsSyncAndFailsTheStillBrokenOne() {
		String group = sandbox.state().addGroup(unique("heal_sync")).id();
		proxy("/v1/groups/" + group);
		String healed = connection(group,
				JsonMapper.builder().build().createObjectNode().put("sandbox_setup", "untrusted_certificate"));
		String failing = connection(group,
				JsonMapper.builder().build().createObjectNode().put("sandbox_setup", "fail"));
		String command = Commands.newId();
		commands().send(group, command, "fivetran.group.heal",
				"{\"group_id\":\"" + group + "\",\"trust_certificates\":true,\"sync_after_fix\":true}");
		List<Recorded> results = resultsOf(command, 3);
		assertThat(results).allSatisfy((r) -> assertThat(r.key()).isEqualTo(group));
		List<Recorded> aboutHealed = results.stream()
			.filter((r) -> healed.equals(r.dataText("connection_id")))
			.toList();
		assertThat(aboutHealed).extracting((r) -> r.dataText("outcome")).containsExactly("ACCEPTED", "SUCCEEDED");
		assertThat(aboutHealed.get(0).data().at("/part/of").asInt()).isEqualTo(2);
		assertThat(aboutHealed.get(1).dataText("sync_id")).isNotBlank();
		List<Recorded> aboutFailing = results.stream()
			.filter((r) -> failing.equals(r.dataText("connection_id")))
			.toList();
		assertThat(aboutFailing).singleElement().satisfies((r) -> {
			assertThat(r.dataText("outcome")).isEqualTo("FAILED");
			assertThat(r.dataText("reason")).contains("still broken");
		});
		assertThat(fivetran.requests("POST", "/v1/connections/" + healed + "/sync")).hasSize(1);
		assertThat(fivetran.requests("POST", "/v1/connections/" + failing + "/sync")).isEmpty();
	}

	@Test
	void anAwaitSucceedsOnASyncStartedElsewhereAndSendsNoSync() throws Exception {
		String connection = connection();
		String command = acceptedAwait(connection, "");
		startSyncInTheSandbox(connection);
		Recorded result = lastResult(command, 2);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		Recorded end = statuses()
			.await((r) -> connection.equals(r.key()) && "sync_end".equals(r.dataText("event")), 1, WAIT)
			.get(0);
		assertThat(result.dataText("sync_id")).isNotBlank().isEqualTo(end.dataText("sync_id"));
		assertThat(fivetran.requests("POST", "/v1/connections/" + connection + "/sync")).isEmpty();
		assertThat(fivetran.requests("GET", "/v1/connections/" + connection)).isNotEmpty();
		assertThat(sandbox.requestLog().requests())
			.filteredOn((logged) -> logged.path().equals("/v1/connections/" + connection + "/sync"))
			.hasSize(1);
	}

	@Test
	void anAwaitAfterTheSyncEndedSucceedsAtOnce() throws Exception {
		String connection = connection();
		String after = now();
		startSyncInTheSandbox(connection);
		syncEnds(connection, 1);
		String command = Commands.newId();
		commands().send(connection, command, "fivetran.connection.await",
				"{\"connection_id\":\"" + connection + "\",\"after\":\"" + after + "\"}");
		assertThat(lastResult(command, 1).dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(fivetran.requests("POST", "/v1/connections/" + connection + "/sync")).isEmpty();
	}

	@Test
	void anAwaitedSyncThatFailsFailsTheAwaitWithFivetransReason() throws Exception {
		String connection = connection();
		sandbox.script(connection,
				SyncScript.failedThenSuccessful("Connection reset by source", Duration.ofSeconds(30)));
		String command = acceptedAwait(connection, "");
		startSyncInTheSandbox(connection);
		Recorded result = lastResult(command, 2);
		assertThat(result.dataText("outcome")).isEqualTo("FAILED");
		assertThat(result.dataText("reason")).contains("Connection reset by source");
		assertThat(fivetran.requests("POST", "/v1/connections/" + connection + "/sync")).isEmpty();
	}

	@Test
	void anAwaitWithNoSyncTimesOutAndTriggersNothing() {
		String connection = connection();
		String command = acceptedAwait(connection, ",\"timeout\":\"PT2S\"");
		Recorded result = lastResult(command, 2);
		assertThat(result.dataText("outcome")).isEqualTo("TIMED_OUT");
		assertThat(fivetran.requests("POST", "/v1/connections/" + connection + "/sync")).isEmpty();
		assertThat(sandbox.requestLog().requests())
			.noneMatch((logged) -> logged.path().equals("/v1/connections/" + connection + "/sync"));
	}

	@Test
	void withWebhooksSwitchedOffAnAwaitEndsByPolling() throws Exception {
		sandbox.webhooks().enabled(false);
		try {
			String connection = connection();
			String command = acceptedAwait(connection, "");
			startSyncInTheSandbox(connection);
			Recorded result = lastResult(command, 2);
			assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
			assertThat(statusesOf(command, 1).get(0).dataText("source")).isEqualTo("poll");
			assertThat(fivetran.requests("POST", "/v1/connections/" + connection + "/sync")).isEmpty();
		}
		finally {
			sandbox.webhooks().enabled(true);
		}
	}

	/** Publishes an await command and waits for its {@code ACCEPTED}. */
	private String acceptedAwait(String connection, String moreFields) {
		String id = Commands.newId();
		commands().send(connection, id, "fivetran.connection.await",
				"{\"connection_id\":\"" + connection + "\"" + moreFields + "}");
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("ACCEPTED");
		return id;
	}

	/** Someone else starts a sync: straight at the sandbox, not through the bridge. */
	private void startSyncInTheSandbox(String connection) throws Exception {
		HttpResponse<String> response = HTTP
			.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/connections/" + connection + "/sync"))
				.header("Authorization", "Basic dGVzdC1rZXk6dGVzdC1zZWNyZXQ=")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"force\":false}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	/** How the connection's syncs ended, as its status events say. */
	private List<String> syncEnds(String connection, int count) {
		return statuses()
			.await((r) -> connection.equals(r.key()) && "sync_end".equals(r.dataText("event")), count, WAIT)
			.stream()
			.map((status) -> status.dataText("sync_status"))
			.toList();
	}

	/** A new sandbox connection, its calls handed on to the sandbox. */
	private String connection() {
		String connection = sandbox.state().addConnection(groupId, "postgres", unique("pg"));
		proxy("/v1/connections/" + connection);
		return connection;
	}

	/** A new sandbox connection with this config, its calls handed on to the sandbox. */
	private String connection(ObjectNode config) {
		return connection(groupId, config);
	}

	private String connection(String group, ObjectNode config) {
		String connection = sandbox.state().addConnection(group, "postgres", unique("pg"), config);
		proxy("/v1/connections/" + connection);
		return connection;
	}

	private void patch(String connection, String body) throws Exception {
		HttpResponse<String> response = HTTP
			.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/connections/" + connection))
				.header("Authorization", "Basic dGVzdC1rZXk6dGVzdC1zZWNyZXQ=")
				.header("Content-Type", "application/json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private static void proxy(String path) {
		fivetran.forward(path, sandbox.baseUrl());
	}

}
