package dev.ftbridge.webhook;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strict reading of signed webhook bodies. The inbox is a real producer pointed at a port
 * where no broker listens: a body that gets past reading answers 503, so a 400 shows that
 * reading refused it before anything was stored.
 */
class WebhookControllerTest {

	private static final String SECRET = "s3cret";

	private KafkaTemplate<byte[], byte[]> kafka;

	private WebhookController controller;

	private final WebhookMetrics metrics = new WebhookMetrics(new SimpleMeterRegistry());

	@BeforeEach
	void controller() throws Exception {
		int deadPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			deadPort = socket.getLocalPort();
		}
		this.kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + deadPort, ProducerConfig.MAX_BLOCK_MS_CONFIG,
				300, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
		WebhookInbox inbox = new WebhookInbox(this.kafka, "fivetran.webhooks", Duration.ofMillis(300));
		this.controller = new WebhookController(TestAccounts.accounts(List.of(SECRET), Map.of(), this.metrics), inbox,
				this.metrics, 1024 * 1024, Clock.systemUTC());
	}

	@AfterEach
	void close() {
		this.kafka.destroy();
	}

	@Test
	void duplicateEventKeyIs400AndNothingIsStored() throws Exception {
		String body = "{\"event\":\"sync_start\",\"event\":\"sync_end\",\"connector_id\":\"c1\","
				+ "\"created\":\"2026-11-28T10:00:00.000Z\"}";
		WebhookController.Answer answer = send(body);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json()).contains("not_json", "duplicate");
	}

	@Test
	void duplicateKeyNestedInDataIs400() throws Exception {
		String body = "{\"event\":\"sync_end\",\"connector_id\":\"c1\",\"created\":\"2026-11-28T10:00:00.000Z\","
				+ "\"data\":{\"status\":\"SUCCESSFUL\",\"status\":\"FAILURE\"}}";
		assertThat(send(body).status()).isEqualTo(400);
	}

	@Test
	void deeplyNestedBodyIs400() throws Exception {
		String body = "{\"event\":\"sync_end\",\"connector_id\":\"c1\",\"data\":" + "[".repeat(500) + "]".repeat(500)
				+ "}";
		assertThat(send(body).status()).isEqualTo(400);
	}

	@Test
	void sameBodyWithoutDuplicateGetsPastReading() throws Exception {
		String body = "{\"event\":\"sync_end\",\"connector_id\":\"c1\",\"created\":\"2026-11-28T10:00:00.000Z\","
				+ "\"data\":{\"status\":\"SUCCESSFUL\"}}";
		assertThat(send(body).status()).isEqualTo(503);
	}

	private WebhookController.Answer send(String body) throws Exception {
		return this.controller
			.receive(this.controller.account(null), body.getBytes(StandardCharsets.UTF_8),
					WebhookReceiverIntegrationTest.hmacHex(SECRET, body))
			.get();
	}

}
