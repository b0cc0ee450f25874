package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restore whose deadline is shorter than the backlog of pending operations hands over
 * every record it read and reports exactly how far it got, so that the consumer carries
 * on from there: together they see every record once, whatever the deadline.
 */
class PartitionLoaderDeadlineTest {

	private static final String WEBHOOKS = "loader.webhooks";

	private static final String OPERATIONS = "loader.operations";

	private static final int BACKLOG = 20_000;

	private static EmbeddedKafkaBroker broker;

	@BeforeAll
	static void startBroker() throws Exception {
		broker = new EmbeddedKafkaKraftBroker(1, 1, WEBHOOKS, OPERATIONS);
		broker.afterPropertiesSet();
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		try (Producer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
			for (int i = 0; i < BACKLOG; i++) {
				producer.send(new ProducerRecord<>(OPERATIONS, 0, bytes("connection/command-" + i),
						(i % 10 == 9) ? null : bytes("{\"n\":" + i + "}")));
			}
		}
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@ParameterizedTest(name = "deadline {0} ms")
	@ValueSource(ints = { 0, 50, 60_000 })
	void everyOperationIsReadByTheLoaderOrAfterIt(int deadlineMillis) {
		PartitionLoader loader = new PartitionLoader(consumers(), WEBHOOKS, OPERATIONS, Duration.ofHours(24),
				Duration.ofMillis(deadlineMillis), Clock.systemUTC());
		PartitionLoader.Loaded loaded = loader.load(Map.of(), Set.of(0), (webhook) -> {
		});
		List<Long> offsets = new ArrayList<>(loaded.operations(0).stream().map(ConsumerRecord::offset).toList());
		long reached = loaded.operationsReached(0);
		System.out.printf("deadline %d ms: read %d of %d operation records%n", deadlineMillis, offsets.size(), BACKLOG);
		// what was handed over is exactly [0, reached): nothing skipped, nothing beyond
		assertThat(offsets).hasSize((int) reached);
		for (int i = 0; i < offsets.size(); i++) {
			assertThat(offsets.get(i)).isEqualTo(i);
		}
		if (deadlineMillis == 0) {
			assertThat(reached).isZero();
		}
		if (deadlineMillis == 60_000) {
			assertThat(reached).isEqualTo(BACKLOG);
		}
		// the consumer seeks to where the loader got to, and reads the rest
		try (Consumer<byte[], byte[]> consumer = consumers().createConsumer()) {
			TopicPartition partition = new TopicPartition(OPERATIONS, 0);
			consumer.assign(List.of(partition));
			consumer.seek(partition, reached);
			while (consumer.position(partition) < BACKLOG) {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> offsets.add(record.offset()));
			}
		}
		assertThat(offsets).hasSize(BACKLOG).doesNotHaveDuplicates();
	}

	private static DefaultKafkaConsumerFactory<byte[], byte[]> consumers() {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
		return new DefaultKafkaConsumerFactory<>(config);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
