package dev.ftbridge.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.micrometer.core.instrument.MeterRegistry;

import dev.ftbridge.BridgeIntegrationTest;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.EventSchemas;
import dev.ftbridge.support.TopicRecorder;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static dev.ftbridge.webhook.WebhookReceiverIntegrationTest.hmacHex;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two accounts' webhooks over real HTTP, through the inbox of a real broker, to status
 * events: the account {@code default} at {@code /webhooks/fivetran} (secrets
 * {@code test-webhook-secret}, {@code old-webhook-secret}) and {@code eu-trial} at
 * {@code /webhooks/fivetran/eu-trial} ({@code trial-webhook-secret},
 * {@code trial-old-secret}). Signatures are computed here, independently of the bridge.
 */
class WebhookAccountsIntegrationTest extends BridgeIntegrationTest {

	private static final String TRIAL_SECRET = "trial-webhook-secret";

	private static final String DEFAULT_SECRET = "test-webhook-secret";

	private static TopicRecorder inbox;

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anAccountsOwnSecretIsAcceptedAndTheStoredWebhookNamesTheAccount() throws Exception {
		String connection = unique();
		String body = event("sync_start", connection);
		assertThat(post("/eu-trial", body, hmacHex(TRIAL_SECRET, body)).statusCode()).isEqualTo(202);
		Recorded stored = inbox().await((r) -> connection.equals(r.key()), 1, WAIT).get(0);
		assertThat(stored.header("ftbridge_account")).isEqualTo("eu-trial");
		// rotation: the account's older secret, lower-case hex
		String other = unique();
		String second = event("sync_start", other);
		assertThat(post("/eu-trial", second, hmacHex("trial-old-secret", second)).statusCode()).isEqualTo(202);
	}

	@Test
	void anotherAccountsSecretIs401AndNothingIsStored() throws Exception {
		String connection = unique();
		String body = event("sync_end", connection);
		assertThat(post("/eu-trial", body, hmacHex(DEFAULT_SECRET, body)).statusCode()).isEqualTo(401);
		assertThat(post("", body, hmacHex(TRIAL_SECRET, body)).statusCode()).isEqualTo(401);
		assertThat(post("/eu-trial", body, null).statusCode()).isEqualTo(401);
		String canary = unique();
		String signed = event("sync_end", canary);
		assertThat(post("/eu-trial", signed, hmacHex(TRIAL_SECRET, signed)).statusCode()).isEqualTo(202);
		inbox().await((r) -> canary.equals(r.key()), 1, WAIT);
		assertThat(inbox().matching((r) -> connection.equals(r.key()))).isEmpty();
		assertThat(this.meters.get("ftbridge.webhooks.rejected")
			.tag("account", "eu-trial")
			.tag("reason", "bad_signature")
			.counter()
			.count()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void anUnknownAccountIs404BeforeItsBodyIsRead() throws Exception {
		String body = event("sync_end", unique());
		HttpResponse<String> unknown = post("/us-prod", body, hmacHex(DEFAULT_SECRET, body));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("unknown_account").doesNotContain("us-prod");
		// not an account name, nested, or an empty one: no account either
		for (String path : List.of("/EU-TRIAL", "/eu-trial/more", "/")) {
			assertThat(post(path, body, hmacHex(TRIAL_SECRET, body)).statusCode()).as(path).isEqualTo(404);
		}
		// a body over the limit is not read: the account is refused first
		String large = "{\"event\":\"sync_end\",\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}";
		assertThat(post("/us-prod", large, hmacHex(DEFAULT_SECRET, large)).statusCode()).isEqualTo(404);
		assertThat(post("/eu-trial", large, hmacHex(TRIAL_SECRET, large)).statusCode()).isEqualTo(413);
	}

	@Test
	void theDefaultPathIsTheDefaultAccountAndItsRecordsHaveNoAccountHeader() throws Exception {
		String connection = unique();
		String body = event("sync_start", connection);
		assertThat(post("", body, hmacHex(DEFAULT_SECRET, body).toUpperCase()).statusCode()).isEqualTo(202);
		Recorded stored = inbox().await((r) -> connection.equals(r.key()), 1, WAIT).get(0);
		assertThat(stored.header("ftbridge_account")).isNull();
		Recorded status = statuses().await((r) -> connection.equals(r.key()), 1, WAIT).get(0);
		assertThat(status.dataText("account")).isEqualTo("default");
	}

	@Test
	void twoAccountsWebhooksBecomeStatusEventsWithTheirAccountAndAreDeduplicatedPerAccount() throws Exception {
		String connection = unique();
		// the same body for two accounts is two webhooks
		String body = event("sync_start", connection);
		assertThat(post("", body, hmacHex(DEFAULT_SECRET, body)).statusCode()).isEqualTo(202);
		assertThat(post("/eu-trial", body, hmacHex(TRIAL_SECRET, body)).statusCode()).isEqualTo(202);
		// delivered again to each: repeats, dropped
		assertThat(post("/eu-trial", body, hmacHex(TRIAL_SECRET, body)).statusCode()).isEqualTo(202);
		assertThat(post("", body, hmacHex(DEFAULT_SECRET, body)).statusCode()).isEqualTo(202);
		// then a later event of the same connection (same partition, after the repeats)
		String end = event("sync_end", connection).replace("\"destination_group_id\"",
				"\"data\":{\"status\":\"SUCCESSFUL\"},\"destination_group_id\"");
		assertThat(post("/eu-trial", end, hmacHex(TRIAL_SECRET, end)).statusCode()).isEqualTo(202);
		statuses().await((r) -> connection.equals(r.key()) && "sync_end".equals(r.dataText("event")), 1, WAIT);
		List<Recorded> starts = statuses()
			.matching((r) -> connection.equals(r.key()) && "sync_start".equals(r.dataText("event")));
		assertThat(starts).extracting((r) -> r.dataText("account")).containsExactlyInAnyOrder("default", "eu-trial");
		starts.forEach((r) -> EventSchemas.assertValid(r.json()));
		Recorded ended = statuses()
			.matching((r) -> connection.equals(r.key()) && "sync_end".equals(r.dataText("event")))
			.get(0);
		assertThat(ended.dataText("account")).isEqualTo("eu-trial");
		assertThat(ended.dataText("sync_status")).isEqualTo("SUCCESSFUL");
		EventSchemas.assertValid(ended.json());
		assertThat(this.meters.get("ftbridge.webhooks.deduplicated")
			.tag("account", "eu-trial")
			.tag("reason", "duplicate")
			.counter()
			.count()).isGreaterThanOrEqualTo(1);
	}

	private HttpResponse<String> post(String accountPath, String body, String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + WebhookServlet.PATH + accountPath))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signature != null) {
			request.header(WebhookController.SIGNATURE_HEADER, signature);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private TopicRecorder inbox() {
		if (inbox == null) {
			inbox = new TopicRecorder(this.broker.getBrokersAsString(), "fivetran.webhooks");
		}
		return inbox;
	}

	/** A webhook created now: one created longer ago than the dedup window is dropped. */
	private static String event(String type, String connection) {
		return "{\"event\":\"" + type + "\",\"created\":\"" + Instant.now().truncatedTo(ChronoUnit.MILLIS)
				+ "\",\"connector_type\":\"postgres\",\"connector_id\":\"" + connection
				+ "\",\"sync_id\":\"s-1\",\"destination_group_id\":\"g\"}";
	}

	private static String unique() {
		return "wa_" + Commands.newId().substring(0, 8);
	}

}
