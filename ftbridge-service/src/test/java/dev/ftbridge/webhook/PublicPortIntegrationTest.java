package dev.ftbridge.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.multipart.MultipartResolver;

import dev.ftbridge.BridgeIntegrationTest;
import dev.ftbridge.support.Commands;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public port serves webhooks and nothing else: actuator answers only on the
 * management port, multipart bodies are not parsed, and senders that trickle bytes hold
 * connections but no request thread, so signed webhooks and health keep answering.
 */
class PublicPortIntegrationTest extends BridgeIntegrationTest {

	private static final String SECRET = "test-webhook-secret";

	/** Open at once; Tomcat's default limit of connections is 8192. */
	private static final int SLOW_SENDERS = 1000;

	private static final Duration STORM = Duration.ofSeconds(15);

	private static final Duration PROMPT = Duration.ofSeconds(2);

	/**
	 * No answer may take longer than this, even on a machine loaded by other builds; the
	 * typical answer must come within {@link #PROMPT}.
	 */
	private static final Duration HARD_LIMIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private ApplicationContext context;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(HARD_LIMIT).build();

	@Test
	void actuatorIsOnTheManagementPortOnly() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/liveness", "/actuator/prometheus",
				"/actuator/info", "/actuator/metrics")) {
			assertThat(get(this.port, path).statusCode()).as("webhook port " + path).isEqualTo(404);
		}
		HttpResponse<String> health = get(this.managementPort, "/actuator/health/liveness");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"UP\"");
		assertThat(get(this.managementPort, "/actuator/prometheus").body()).contains("application_ready_time_seconds");
		assertThat(get(this.managementPort, "/webhooks/fivetran").statusCode()).isEqualTo(404);
	}

	@Test
	void multipartIsNotParsed() throws Exception {
		assertThat(this.context.getBeansOfType(MultipartResolver.class)).isEmpty();
		String boundary = "b0undary";
		String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"event\"\r\n\r\nsync_end\r\n--"
				+ boundary + "--\r\n";
		HttpResponse<String> signed = this.http.send(HttpRequest.newBuilder(webhookUri())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header(WebhookController.SIGNATURE_HEADER, WebhookReceiverIntegrationTest.hmacHex(SECRET, multipart))
			.POST(HttpRequest.BodyPublishers.ofString(multipart))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signed.statusCode()).isEqualTo(400);
		assertThat(signed.body()).contains("not_json");
		HttpResponse<String> elsewhere = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/upload"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(multipart))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(elsewhere.statusCode()).isEqualTo(404);
	}

	@Test
	void slowSendersHoldNoRequestThread() throws Exception {
		// warm: the first requests load classes, which is not what is measured here
		assertThat(postSigned("warm_" + Commands.newId().substring(0, 8)).statusCode()).isEqualTo(202);
		assertThat(get(this.managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
		List<Socket> slow = new ArrayList<>();
		List<Duration> latencies = new ArrayList<>();
		int answeredByServer = 0;
		try {
			for (int i = 0; i < SLOW_SENDERS; i++) {
				slow.add(openSlowSender());
			}
			long start = System.nanoTime();
			int round = 0;
			while (running(start, round)) {
				// every slow sender sends one more byte of its body, as a trickle
				for (int i = 0; i < slow.size(); i++) {
					try {
						slow.get(i).getOutputStream().write(' ');
					}
					catch (IOException ex) {
						// answered 408 and closed: another slow sender takes its place
						answeredByServer++;
						slow.get(i).close();
						slow.set(i, openSlowSender());
					}
				}
				long sent = System.nanoTime();
				HttpResponse<String> webhook = postSigned("slow_" + Commands.newId().substring(0, 8) + "_" + round++);
				assertThat(webhook.statusCode()).as("signed webhook during the trickle").isEqualTo(202);
				latencies.add(Duration.ofNanos(System.nanoTime() - sent));
				sent = System.nanoTime();
				HttpResponse<String> health = get(this.managementPort, "/actuator/health/liveness");
				assertThat(health.statusCode()).as("liveness during the trickle").isEqualTo(200);
				latencies.add(Duration.ofNanos(System.nanoTime() - sent));
				Thread.sleep(500);
			}
			assertThat(round).isGreaterThanOrEqualTo(5);
			List<Duration> sorted = latencies.stream().sorted().toList();
			System.out.printf("slow senders: %d open, %d rounds, %d answered 408 and replaced; answers %s%n",
					SLOW_SENDERS, round, answeredByServer, sorted);
			assertThat(sorted.get(sorted.size() / 2)).as("median answer, of " + sorted).isLessThan(PROMPT);
			// a sender slower than the body-read deadline is answered and let go
			assertThat(answeredByServer + countAnswered(slow)).isPositive();
		}
		finally {
			for (Socket socket : slow) {
				socket.close();
			}
		}
	}

	/**
	 * At least {@link #STORM} and 8 rounds (a loaded machine makes rounds slow), at most
	 * three times {@link #STORM}.
	 */
	private static boolean running(long start, int round) {
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		return (elapsed.compareTo(STORM) < 0 || round < 8) && elapsed.compareTo(STORM.multipliedBy(3)) < 0;
	}

	private HttpResponse<String> postSigned(String connection) throws Exception {
		String body = WebhookReceiverIntegrationTest.event("sync_end", connection);
		return this.http.send(HttpRequest.newBuilder(webhookUri())
			.timeout(HARD_LIMIT)
			.header(WebhookController.SIGNATURE_HEADER, WebhookReceiverIntegrationTest.hmacHex(SECRET, body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Headers of a signed-looking webhook, then nothing yet of its 512-byte body. */
	private Socket openSlowSender() throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", this.port), (int) PROMPT.toMillis());
		socket.setSoTimeout(1);
		OutputStream out = socket.getOutputStream();
		out.write(("POST /webhooks/fivetran HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
				+ "Content-Length: 512\r\n" + WebhookController.SIGNATURE_HEADER + ": " + "0".repeat(64) + "\r\n\r\n{")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return socket;
	}

	/** Slow senders that already have an answer waiting (a 408 for a body too slow). */
	private static int countAnswered(List<Socket> sockets) {
		int answered = 0;
		for (Socket socket : sockets) {
			try {
				InputStream in = socket.getInputStream();
				byte[] start = new byte[12];
				if (in.read(start) > 0 && new String(start, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 408")) {
					answered++;
				}
			}
			catch (IOException ex) {
				// nothing to read yet
			}
		}
		return answered;
	}

	private URI webhookUri() {
		return URI.create("http://127.0.0.1:" + this.port + WebhookServlet.PATH);
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(HARD_LIMIT).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
