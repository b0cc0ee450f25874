package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import dev.ftbridge.BridgeIntegrationTest;
import dev.ftbridge.support.Commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch of webhooks is committed only once every status event of it was acknowledged:
 * while the broker refuses one, the batch's offsets stay where they were and the batch is
 * delivered again; once it takes it, every webhook has exactly one status event, the
 * repeats of those acknowledged the first time dropped by the dedup.
 */
@TestPropertySource(properties = {
		"spring.kafka.producer.properties.interceptor.classes=dev.ftbridge.webhook.RefusingStatusInterceptor" })
class WebhookBatchCommitIntegrationTest extends BridgeIntegrationTest {

	@AfterEach
	void takeEverything() {
		RefusingStatusInterceptor.refusedKeys.clear();
	}

	@Test
	void aRefusedStatusEventKeepsTheBatchUncommittedUntilItIsTaken() throws Exception {
		String run = Commands.newId().substring(0, 8);
		List<String> connections = List.of("before_" + run, "refused_" + run, "after_" + run);
		RefusingStatusInterceptor.refusedKeys.add(connections.get(1));
		int refusalsBefore = RefusingStatusInterceptor.refusals.get();
		List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> sent = new java.util.ArrayList<>();
		try (Producer<byte[], byte[]> producer = producer()) {
			// one partition, sent together: one poll, one batch; the first webhook twice,
			// as Fivetran retrying a delivery would
			String first = syncStart(connections.get(0));
			sent.add(producer
				.send(new ProducerRecord<>("fivetran.webhooks", 0, bytes(connections.get(0)), bytes(first))));
			for (String connection : connections) {
				String body = connection.equals(connections.get(0)) ? first : syncStart(connection);
				sent.add(producer.send(new ProducerRecord<>("fivetran.webhooks", 0, bytes(connection), bytes(body))));
			}
		}
		long end = sent.get(sent.size() - 1).get().offset() + 1;
		long last = end;
		// the batch is delivered again while the broker refuses: its offsets stay, and
		// the webhook acknowledged before the refusal is not published twice
		await().atMost(WAIT).until(() -> RefusingStatusInterceptor.refusals.get() >= refusalsBefore + 3);
		assertThat(committed()).isLessThan(last);
		assertThat(statuses().matching((r) -> connections.get(1).equals(r.key()))).isEmpty();
		assertThat(statuses().await((r) -> connections.get(0).equals(r.key()), 1, WAIT)).hasSize(1);
		RefusingStatusInterceptor.refusedKeys.clear();
		statuses().await((r) -> connections.get(1).equals(r.key()), 1, WAIT);
		statuses().await((r) -> connections.get(2).equals(r.key()), 1, WAIT);
		await().atMost(WAIT).until(() -> committed() >= last);
		// delivered again twice or more, each webhook still has one status event
		for (String connection : connections) {
			assertThat(statuses().matching((r) -> connection.equals(r.key()))).as(connection).hasSize(1);
		}
	}

	private long committed() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			OffsetAndMetadata offset = admin.listConsumerGroupOffsets("ftbridge-webhooks")
				.partitionsToOffsetAndMetadata()
				.get()
				.get(new TopicPartition("fivetran.webhooks", 0));
			return (offset != null) ? offset.offset() : -1;
		}
	}

	private Producer<byte[], byte[]> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.LINGER_MS_CONFIG, Duration.ofMillis(50).toMillis()));
	}

	private static String syncStart(String connection) {
		return "{\"event\":\"sync_start\",\"created\":\"" + Instant.now().truncatedTo(ChronoUnit.MILLIS)
				+ "\",\"connector_type\":\"postgres\",\"connector_id\":\"" + connection
				+ "\",\"connector_name\":\"pg\",\"sync_id\":\"s1\",\"destination_group_id\":\"g1\",\"data\":{}}";
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
