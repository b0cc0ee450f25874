package dev.ftbridge.cli;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.ftbridge.resilience.SandboxBridgeTest;
import dev.ftbridge.sandbox.SyncScript;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code status} after real syncs, end to end: syncs started with {@code send}, the
 * sandbox's signed {@code sync_start} / {@code sync_end} webhooks received by the bridge,
 * and {@code status} (reading {@code fivetran.connection-state}) showing each
 * connection's last sync start and end — and, for a sync the sandbox fails, the failure
 * with Fivetran's reason.
 */
@TestPropertySource(properties = "ftbridge.webhook.secrets=" + SyncStatusCommandTest.WEBHOOK_SECRET)
class SyncStatusCommandTest extends SandboxBridgeTest {

	static final String WEBHOOK_SECRET = "status-webhook-secret";

	private static final String REASON = "Login failed for user 'fivetran'";

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	@Test
	void statusShowsTheLastSyncStartEndAndFailureTheWebhooksReported() throws Exception {
		String group = sandbox.state().addGroup(unique("syncs")).id();
		String ok = sandbox.state().addConnection(group, "postgres", unique("s"));
		String bad = sandbox.state().addConnection(group, "sql_server", unique("s"));
		subscribeToWebhooks(group);
		pollStatus(ok);
		sandbox.script(ok, SyncScript.successful().lasting(Duration.ofMinutes(1)));
		sandbox.script(bad, SyncScript.failureWithTask(REASON, "reconnect").lasting(Duration.ofMinutes(1)));

		List<String> sent = new ArrayList<>();
		for (String connection : List.of(ok, bad)) {
			CliRun send = CliRun.of("send", "--bootstrap-servers", servers(), "--type", "fivetran.connection.sync",
					"--data", "{\"connection_id\":\"" + connection + "\"}");
			assertThat(send.exitCode()).as(send.toString()).isZero();
			sent.addAll(send.ids());
		}
		Path sentFile = Files.write(this.dir.resolve("sent.txt"), sent);
		CliRun watch = CliRun.of("watch", "--bootstrap-servers", servers(), "--ids-from", sentFile.toString(),
				"--until-done", "--max-wait", "90s", "--no-color");
		assertThat(watch.exitCode()).as(watch.toString()).isEqualTo(1);
		assertThat(watch.out()).contains("2 commands finished: {FAILED=1, SUCCEEDED=1}");

		Recorded okStart = webhookStatus(ok, "sync_start");
		Recorded okEnd = webhookStatus(ok, "sync_end");
		Recorded badEnd = webhookStatus(bad, "sync_end");
		assertThat(okStart.dataText("source")).isEqualTo("webhook");
		assertThat(badEnd.dataText("reason")).contains(REASON);
		Awaitility.await().atMost(WAIT).untilAsserted(() -> {
			JsonNode rows = JsonInput.JSON.readTree(status("--group-id", group, "--json").out());
			assertThat(rows.findValuesAsString("sync_end")).doesNotContainNull().hasSize(2);
		});

		JsonNode rows = JsonInput.JSON.readTree(status("--group-id", group, "--json").out());
		JsonNode okRow = row(rows, ok);
		JsonNode badRow = row(rows, bad);
		assertThat(okRow.path("sync_start").asString()).isEqualTo(okStart.dataText("observed_at"));
		assertThat(okRow.path("sync_end").asString()).isEqualTo(okEnd.dataText("observed_at"));
		assertThat(okRow.path("last_failure").isNull()).as(okRow.toString()).isTrue();
		assertThat(okRow.path("failing").asBoolean()).isFalse();
		assertThat(okRow.path("setup_state").asString()).as("polled before the syncs, kept through the webhooks")
			.isEqualTo(
					sandbox.state().connectionDetails(ok).orElseThrow().path("status").path("setup_state").asString())
			.isEqualTo("connected");
		assertThat(okRow.path("paused").asBoolean(true)).isFalse();
		assertThat(badRow.path("sync_start").asString())
			.isEqualTo(webhookStatus(bad, "sync_start").dataText("observed_at"));
		assertThat(badRow.path("sync_end").asString()).isEqualTo(badEnd.dataText("observed_at"));
		assertThat(badRow.path("last_failure").asString()).contains(REASON)
			.startsWith(badEnd.dataText("failed_at") != null ? badEnd.dataText("failed_at")
					: badEnd.dataText("observed_at"));
		assertThat(badRow.path("failing").asBoolean()).isTrue();

		CliRun table = status("--group-id", group);
		CliRun failing = status("--group-id", group, "--failing");
		assertThat(table.exitCode()).as(table.toString()).isZero();
		assertThat(table.lines()).hasSize(3);
		assertThat(line(table, ok)).contains(okStart.dataText("observed_at"), okEnd.dataText("observed_at"));
		assertThat(line(table, bad)).contains(badEnd.dataText("observed_at"), REASON);
		assertThat(failing.lines()).hasSize(2);
		assertThat(failing.lines().get(1)).startsWith(bad + " ");
	}

	/**
	 * Subscribes this test's bridge to the group's webhooks at the sandbox, as an
	 * operator does in Fivetran: only this group's syncs reach this bridge. (Not through
	 * {@code fivetran.webhook.create}: the bridge accepts only https URLs there, as
	 * Fivetran does, and this bridge listens on a loopback http port.)
	 */
	private void subscribeToWebhooks(String group) throws Exception {
		String body = "{\"url\":\"http://127.0.0.1:" + this.port + "/webhooks/fivetran\","
				+ "\"events\":[\"sync_start\",\"sync_end\"],\"active\":true,\"secret\":\"" + WEBHOOK_SECRET + "\"}";
		String credentials = Base64.getEncoder()
			.encodeToString("sandbox-key:sandbox-secret".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(sandbox.baseUrl().resolve("/v1/webhooks/group/" + group))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
	}

	private void pollStatus(String connection) {
		String id = unique("status");
		commands().send(connection, id, "fivetran.connection.status", "{\"connection_id\":\"" + connection + "\"}");
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("SUCCEEDED");
	}

	private Recorded webhookStatus(String connection, String event) {
		return statuses()
			.await((r) -> connection.equals(r.dataText("connection_id")) && event.equals(r.dataText("event")), 1, WAIT)
			.get(0);
	}

	private static JsonNode row(JsonNode rows, String connection) {
		for (JsonNode row : rows) {
			if (connection.equals(row.path("connection_id").asString())) {
				return row;
			}
		}
		throw new AssertionError("no row for " + connection + " in " + rows);
	}

	private static String line(CliRun run, String connection) {
		return run.lines().stream().filter((line) -> line.startsWith(connection + " ")).findFirst().orElseThrow();
	}

	private CliRun status(String... args) {
		List<String> all = new ArrayList<>(List.of("status", "--bootstrap-servers", servers()));
		all.addAll(List.of(args));
		return CliRun.of(all.toArray(String[]::new));
	}

	private String servers() {
		return this.broker.getBrokersAsString();
	}

}
