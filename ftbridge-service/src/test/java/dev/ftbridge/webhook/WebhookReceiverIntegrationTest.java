package dev.ftbridge.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.ftbridge.BridgeIntegrationTest;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.TopicRecorder;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook receiver over real HTTP, with signatures computed here independently of the
 * bridge's code, and the inbox topic read back from a real broker.
 */
class WebhookReceiverIntegrationTest extends BridgeIntegrationTest {

	private static TopicRecorder inbox;

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aSignedSyncEndIsStoredUnchangedAndAccepted() throws Exception {
		String connection = unique();
		String body = "{\"event\":\"sync_end\",\"created\":\"2026-05-22T00:06:08.638Z\",\"connector_type\":\"postgres\","
				+ "\"connector_id\":\"" + connection + "\",\"connector_name\":\"pg\","
				+ "\"sync_id\":\"b4703f73-6315-4e22-8d7a-3bfb18b2fed2\",\"destination_group_id\":\"g\","
				+ "\"data\":{\"status\":\"SUCCESSFUL\"}}";
		HttpResponse<String> response = post(body, hmacHex("test-webhook-secret", body).toUpperCase());
		assertThat(response.statusCode()).isEqualTo(202);
		Recorded stored = inbox().await((r) -> connection.equals(r.key()), 1, WAIT).get(0);
		assertThat(stored.value()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
		assertThat(stored.header("ftbridge_received_at")).isNotBlank();
	}

	@Test
	void lowerCaseHexAndAnOlderSecretAreAccepted() throws Exception {
		String connection = unique();
		String body = event("sync_start", connection);
		assertThat(post(body, hmacHex("old-webhook-secret", body)).statusCode()).isEqualTo(202);
		assertThat(inbox().await((r) -> connection.equals(r.key()), 1, WAIT)).hasSize(1);
	}

	@Test
	void theTestEventSentOnWebhookCreationIsAccepted() throws Exception {
		String group = unique();
		String body = "{\"event\":\"test_event\",\"created\":\"2026-11-28T10:00:00.000Z\",\"connector_type\":"
				+ "\"_connector_type\",\"connector_id\":\"_connector_1\",\"group_id\":\"" + group + "\"}";
		assertThat(post(body, hmacHex("test-webhook-secret", body).toUpperCase()).statusCode()).isEqualTo(202);
	}

	@Test
	void missingOrWrongSignatureIs401AndNothingIsStored() throws Exception {
		String connection = unique();
		String body = event("sync_end", connection);
		assertThat(post(body, null).statusCode()).isEqualTo(401);
		assertThat(post(body, hmacHex("wrong-secret", body)).statusCode()).isEqualTo(401);
		String tampered = body.replace("sync_end", "sync_start");
		assertThat(post(tampered, hmacHex("test-webhook-secret", body)).statusCode()).isEqualTo(401);
		String canary = unique();
		assertThat(
				post(event("sync_end", canary), hmacHex("test-webhook-secret", event("sync_end", canary))).statusCode())
			.isEqualTo(202);
		inbox().await((r) -> canary.equals(r.key()), 1, WAIT);
		assertThat(inbox().matching((r) -> connection.equals(r.key()))).isEmpty();
	}

	@Test
	void aBodyOverTheLimitIs413() throws Exception {
		String body = "{\"event\":\"sync_end\",\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}";
		assertThat(post(body, hmacHex("test-webhook-secret", body)).statusCode()).isEqualTo(413);
	}

	@Test
	void aSignedBodyThatIsNotJsonIs400() throws Exception {
		String body = "event=sync_end";
		assertThat(post(body, hmacHex("test-webhook-secret", body)).statusCode()).isEqualTo(400);
		String notAnEvent = "[1,2,3]";
		assertThat(post(notAnEvent, hmacHex("test-webhook-secret", notAnEvent)).statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> post(String body, String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/webhooks/fivetran"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signature != null) {
			request.header("X-Fivetran-Signature-256", signature);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private TopicRecorder inbox() {
		if (inbox == null) {
			inbox = new TopicRecorder(this.broker.getBrokersAsString(), "fivetran.webhooks");
		}
		return inbox;
	}

	static String event(String type, String connection) {
		return "{\"event\":\"" + type + "\",\"created\":\"2026-11-28T10:00:00.000Z\",\"connector_type\":\"postgres\","
				+ "\"connector_id\":\"" + connection + "\",\"sync_id\":\"s-1\",\"destination_group_id\":\"g\"}";
	}

	static String hmacHex(String secret, String body) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

	private static String unique() {
		return "wh_" + Commands.newId().substring(0, 8);
	}

}
