package dev.ftbridge.lineage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Each connection's last known schema config: in memory, and in the compacted
 * {@code fivetran.connection-schemas} (keyed by connection id), from which a starting
 * bridge reads it back, so drift is seen across restarts.
 */
class SchemaStore {

	private static final Logger log = LoggerFactory.getLogger(SchemaStore.class);

	private final Map<String, SchemaChanges.Stored> schemas = new ConcurrentHashMap<>();

	private final KafkaTemplate<byte[], byte[]> kafka;

	private final JsonMapper json;

	private final String topic;

	SchemaStore(KafkaTemplate<byte[], byte[]> kafka, JsonMapper json, String topic) {
		this.kafka = kafka;
		this.json = json;
		this.topic = topic;
	}

	Optional<SchemaChanges.Stored> get(String connectionId) {
		return Optional.ofNullable(this.schemas.get(connectionId));
	}

	/** Keeps a connection's schema config, once the broker has it. */
	void put(String connectionId, SchemaChanges.Stored stored) throws Exception {
		this.kafka.send(this.topic, connectionId.getBytes(StandardCharsets.UTF_8), this.json.writeValueAsBytes(stored))
			.get(10, TimeUnit.SECONDS);
		this.schemas.put(connectionId, stored);
	}

	/** Reads the compacted topic from its beginning to its current end. */
	void load(ConsumerFactory<byte[], byte[]> consumers) {
		try (Consumer<byte[], byte[]> consumer = consumers.createConsumer("ftbridge-lineage-schemas", "-load")) {
			List<TopicPartition> partitions = consumer.partitionsFor(this.topic, Duration.ofSeconds(10))
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					read(record);
				}
			}
			log.info("Read {} connection schemas from {}", this.schemas.size(), this.topic);
		}
		catch (RuntimeException ex) {
			log.warn("Could not read {} ({}); drift is reported from each connection's next read on", this.topic,
					ex.toString());
		}
	}

	private void read(ConsumerRecord<byte[], byte[]> record) {
		String connectionId = new String(record.key(), StandardCharsets.UTF_8);
		if (record.value() == null) {
			this.schemas.remove(connectionId);
			return;
		}
		try {
			this.schemas.put(connectionId, this.json.readValue(record.value(), SchemaChanges.Stored.class));
		}
		catch (RuntimeException ex) {
			log.warn("Unreadable schema of {} in {} skipped", connectionId, this.topic);
		}
	}

}
