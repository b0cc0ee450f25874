package dev.ftbridge;

import dev.ftbridge.support.ProjectFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.ftbridge.support.Commands;
import dev.ftbridge.support.MockFivetran.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics an operator's dashboard reads, scraped from {@code /actuator/prometheus}.
 */
class MetricsIntegrationTest extends BridgeIntegrationTest {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void prometheusShowsCommandsFivetranCallsDeadLettersAndInFlight() throws Exception {
		String connection = "metrics_" + Commands.newId().substring(0, 8);
		fivetran.when((r) -> r.path().equals("/v1/connections/" + connection + "_limited"),
				(r) -> Response.error(429, "TooManyRequests", "slow down").withHeader("Retry-After", "0"));
		String ok = Commands.newId();
		commands().send(connection, ok, "fivetran.connection.pause", "{\"connection_id\":\"" + connection + "\"}");
		String limited = Commands.newId();
		commands().send(connection, limited, "fivetran.connection.pause",
				"{\"connection_id\":\"" + connection + "_limited\"}");
		commands().sendRaw(connection, "not json".getBytes(), java.util.Map.of());
		resultOf(ok);
		resultOf(limited);
		deadLetters().await((r) -> connection.equals(r.key()), 1, WAIT);

		String body = "{\"event\":\"sync_start\",\"created\":\"2026-11-28T10:00:00.000Z\",\"connector_id\":\""
				+ connection + "\",\"sync_id\":\"m-1\"}";
		assertThat(postWebhook(body, dev.ftbridge.webhook.WebhookSigning.sign("test-webhook-secret", body)))
			.isEqualTo(202);
		assertThat(postWebhook(body, "00")).isEqualTo(401);

		String metrics = scrape();
		for (String name : documentedMetrics()) {
			assertThat(metrics).as("metric %s listed in ops/metrics.md", name)
				.containsPattern("(?m)^" + name + "[{ _]");
		}
		assertThat(metrics)
			.containsPattern(
					"ftbridge_commands_total\\{.*outcome=\"SUCCEEDED\".*type=\"fivetran.connection.pause\".*\\} [1-9]")
			.containsPattern(
					"ftbridge_commands_total\\{.*outcome=\"FAILED\".*type=\"fivetran.connection.pause\".*\\} [1-9]")
			.contains("ftbridge_command_duration_seconds_bucket")
			.containsPattern(
					"ftbridge_fivetran_calls_seconds_count\\{account=\"default\",class=\"request\",status=\"200\"\\} [1-9]")
			.containsPattern(
					"ftbridge_fivetran_calls_seconds_count\\{account=\"default\",class=\"request\",status=\"429\"\\} [1-9]")
			.containsPattern("ftbridge_fivetran_rate_limited_total\\{account=\"default\"\\} [1-9]")
			.containsPattern("ftbridge_commands_dead_lettered_total\\{reason=\"NOT_JSON\"\\} [1-9]")
			.contains("ftbridge_commands_in_flight ")
			.contains("kafka_consumer_fetch_manager_records_lag_max")
			.containsPattern("resilience4j_circuitbreaker_state\\{.*name=\"fivetran\".*state=\"closed\".*\\} 1")
			.containsPattern(
					"ftbridge_fivetran_budget_remaining\\{account=\"default\",budget=\"setup_tests_per_minute\"\\} \\d+")
			.contains("ftbridge_fivetran_throttle_wait_seconds_count")
			.contains("ftbridge_commands_intake_paused 0")
			.contains("ftbridge_commands_waiting_account 0")
			.doesNotContain("test-secret");
	}

	/**
	 * The Prometheus names in the table of ops/metrics.md: the contract dashboards rely
	 * on.
	 */
	private static List<String> documentedMetrics() throws Exception {
		List<String> names = new ArrayList<>();
		Matcher matcher = Pattern.compile("(?m)^\\| `([a-z0-9_]+)` \\|")
			.matcher(Files.readString(ProjectFiles.path("ops/metrics.md")));
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		assertThat(names).hasSizeGreaterThan(10);
		return names;
	}

	private int postWebhook(String body, String signature) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/webhooks/fivetran"))
				.header("X-Fivetran-Signature-256", signature)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private String scrape() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/prometheus"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
