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
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When Kafka cannot take a webhook, the receiver answers 503 within the inbox timeout (so
 * Fivetran retries) rather than 2xx: a real producer pointed at a port where no broker
 * listens.
 */
class WebhookInboxUnavailableTest {

	private KafkaTemplate<byte[], byte[]> kafka;

	@AfterEach
	void close() {
		this.kafka.destroy();
	}

	@Test
	void kafkaDownAnswers503WithinTheTimeout() throws Exception {
		int deadPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			deadPort = socket.getLocalPort();
		}
		this.kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + deadPort, ProducerConfig.MAX_BLOCK_MS_CONFIG,
				1000, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
		WebhookInbox inbox = new WebhookInbox(this.kafka, "fivetran.webhooks", Duration.ofSeconds(1));
		WebhookMetrics metrics = new WebhookMetrics(new SimpleMeterRegistry());
		WebhookController controller = new WebhookController(
				TestAccounts.accounts(List.of("s3cret"), Map.of(), metrics), inbox, metrics, 1024 * 1024,
				Clock.systemUTC());
		String body = WebhookReceiverIntegrationTest.event("sync_end", "c1");
		long start = System.nanoTime();
		WebhookController.Answer answer = controller
			.receive(controller.account(null), body.getBytes(StandardCharsets.UTF_8),
					WebhookReceiverIntegrationTest.hmacHex("s3cret", body))
			.get();
		assertThat(answer.status()).isEqualTo(503);
		assertThat(answer.json()).contains("inbox_unavailable");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

}
