package dev.ftbridge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.ftbridge.support.Commands;
import dev.ftbridge.support.MockFivetran.Response;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key, API secret and webhook secrets never show up in logs, results, dead
 * letters or actuator output, whatever path a command takes (success, Fivetran 403,
 * Fivetran 5xx with retries, poison, a rejected webhook).
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsIntegrationTest extends BridgeIntegrationTest {

	private static final List<String> SECRETS = List.of("test-secret", "test-webhook-secret", "old-webhook-secret",
			Base64.getEncoder().encodeToString("test-key:test-secret".getBytes(StandardCharsets.UTF_8)));

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void noSecretAppearsInAnyOutput(CapturedOutput output) throws Exception {
		String run = "secrets_" + Commands.newId().substring(0, 8);
		fivetran.when((r) -> r.path().equals("/v1/connections/" + run + "_denied"),
				(r) -> Response.error(403, "AccessDenied", "Not allowed to change this connection"));
		fivetran.when((r) -> r.path().equals("/v1/connections/" + run + "_down"),
				(r) -> Response.error(503, "ServiceUnavailable", "down"));
		List<String> ids = List.of(send(run + "_ok"), send(run + "_denied"), send(run + "_down"));
		commands().sendRaw(run, "{\"secret\":\"not a command\"}".getBytes(), java.util.Map.of());
		List<Recorded> results = ids.stream().map(this::resultOf).toList();
		List<Recorded> letters = deadLetters().await((r) -> run.equals(r.key()), 1, WAIT);
		HttpResponse<String> webhook = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/webhooks/fivetran")))
				.header("X-Fivetran-Signature-256", "00")
				.POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"sync_end\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(webhook.statusCode()).isEqualTo(401);

		assertThat(results).extracting((r) -> r.dataText("outcome")).containsExactly("SUCCEEDED", "FAILED", "FAILED");
		assertThat(output.getAll()).as("the captured logs are the bridge's").contains(ids.get(1));
		StringBuilder everything = new StringBuilder(output.getAll()).append(webhook.body());
		results.forEach((r) -> everything.append(new String(r.value(), StandardCharsets.UTF_8)));
		letters.forEach((r) -> everything.append(new String(r.value(), StandardCharsets.UTF_8)));
		for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/info")) {
			everything.append(HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + path)).build(),
						HttpResponse.BodyHandlers.ofString())
				.body());
		}
		for (String secret : SECRETS) {
			assertThat(everything.toString()).as("output containing a secret").doesNotContain(secret);
		}
	}

	private String send(String connection) {
		String id = Commands.newId();
		commands().send(connection, id, "fivetran.connection.pause", "{\"connection_id\":\"" + connection + "\"}");
		return id;
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
