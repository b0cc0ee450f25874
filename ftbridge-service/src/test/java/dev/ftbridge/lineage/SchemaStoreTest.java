package dev.ftbridge.lineage;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept schema configs outlive the bridge: a new store reads each connection's latest
 * one back from the compacted topic, so drift is seen across restarts.
 */
@EmbeddedKafka(partitions = 3, topics = "fivetran.connection-schemas")
class SchemaStoreTest {

	private static final String TOPIC = "fivetran.connection-schemas";

	private static final JsonMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.build();

	@Test
	void aNewStoreReadsBackTheLatestSchemaOfEachConnection(EmbeddedKafkaBroker broker) throws Exception {
		String servers = broker.getBrokersAsString();
		KafkaTemplate<byte[], byte[]> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				ByteArraySerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
		SchemaStore before = new SchemaStore(kafka, JSON, TOPIC);
		SchemaChanges.Stored first = stored(true, Instant.parse("2026-12-05T06:00:00Z"));
		SchemaChanges.Stored second = stored(false, Instant.parse("2026-12-05T07:00:00Z"));
		before.put("c1", first);
		before.put("c1", second);
		before.put("c2", first);

		SchemaStore after = new SchemaStore(kafka, JSON, TOPIC);
		assertThat(after.get("c1")).isEmpty();
		after.load(new DefaultKafkaConsumerFactory<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)));
		assertThat(after.get("c1")).contains(second);
		assertThat(after.get("c2")).contains(first);
		assertThat(after.get("c3")).isEmpty();
		kafka.destroy();
	}

	private static SchemaChanges.Stored stored(boolean ordersEnabled, Instant readAt) {
		ConnectionSchema schema = new ConnectionSchema(
				Map.of("public.orders", new ConnectionSchema.Table("public.orders", ordersEnabled, Map.of("id",
						new ConnectionSchema.Column(true, false), "email", new ConnectionSchema.Column(true, true)))));
		return new SchemaChanges.Stored(schema, readAt);
	}

}
