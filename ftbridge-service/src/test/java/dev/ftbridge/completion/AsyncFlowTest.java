package dev.ftbridge.completion;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.test.context.TestPropertySource;

import dev.ftbridge.BridgeIntegrationTest;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.EventSchemas;
import dev.ftbridge.support.TopicRecorder.Recorded;
import dev.ftbridge.support.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge with a short polling fallback, for asynchronous commands from
 * {@code ACCEPTED} to their end. Webhooks are signed here, independently of the bridge's
 * code, or come from the sandbox.
 */
@TestPropertySource(properties = { "ftbridge.operations.poll-after=3s", "ftbridge.operations.poll-interval=1s",
		"ftbridge.operations.tick=200ms" })
abstract class AsyncFlowTest extends BridgeIntegrationTest {

	protected static final String SECRET = "test-webhook-secret";

	private static TopicRecorder connectionState;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	protected int port;

	@LocalManagementPort
	protected int managementPort;

	@Autowired
	protected ConcurrentMessageListenerContainer<byte[], byte[]> webhookListenerContainer;

	protected URI webhookUri() {
		return URI.create("http://127.0.0.1:" + this.port + "/webhooks/fivetran");
	}

	/** Publishes a sync command and waits for its {@code ACCEPTED}. */
	protected String acceptedSync(String connection) {
		String id = Commands.newId();
		commands().send(connection, id, "fivetran.connection.sync", "{\"connection_id\":\"" + connection + "\"}");
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("ACCEPTED");
		return id;
	}

	/** The {@code count} results of a command, schema-checked, the last one returned. */
	protected Recorded lastResult(String commandId, int count) {
		List<Recorded> found = resultsOf(commandId, count);
		assertThat(found).hasSize(count);
		return found.get(count - 1);
	}

	/** Status events about a resource, from webhooks or polls, schema-checked. */
	protected List<Recorded> statusesAbout(String resource, String source, int count) {
		List<Recorded> found = statuses().await((r) -> resource.equals(r.key()) && source.equals(r.dataText("source")),
				count, WAIT);
		found.forEach((status) -> EventSchemas.assertValid(status.json()));
		return found;
	}

	protected TopicRecorder connectionState() {
		if (connectionState == null) {
			connectionState = new TopicRecorder(this.broker.getBrokersAsString(), "fivetran.connection-state");
		}
		return connectionState;
	}

	/** POSTs a body signed with the bridge's secret; returns the status code. */
	protected int post(String body) throws Exception {
		return post(body, hmacHex(SECRET, body));
	}

	protected int post(String body, String signature) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(webhookUri())
			.header("Content-Type", "application/json")
			.header("X-Fivetran-Signature-256", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	/** A sync event as Fivetran sends it, created now. */
	protected static String syncEvent(String event, String connection, String syncId, String data) {
		return "{\"event\":\"" + event + "\",\"created\":\"" + now() + "\",\"connector_type\":\"postgres\","
				+ "\"connector_id\":\"" + connection + "\",\"connector_name\":\"pg\",\"sync_id\":\"" + syncId
				+ "\",\"destination_group_id\":\"g1\",\"data\":" + data + "}";
	}

	protected static String now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
	}

	protected static String unique(String prefix) {
		return prefix + "_" + Commands.newId().substring(0, 8);
	}

	static String hmacHex(String secret, String body) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().withUpperCase().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

}
