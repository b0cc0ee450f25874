package dev.ftbridge.events;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The producer every outbound topic shares, and the declaration of every topic. */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	/**
	 * The largest record the command and dead-letter topics take. Larger than the
	 * bridge's own command limit (1 MiB by default), so that an oversized command reaches
	 * the bridge and is answered with a {@code REJECTED} result instead of a producer
	 * error.
	 */
	static final int MAX_RECORD_BYTES = 4 * 1024 * 1024;

	@Bean
	KafkaTemplate<byte[], byte[]> bridgeKafkaTemplate(KafkaProperties kafka, EventProperties properties,
			MeterRegistry meterRegistry) {
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		// Durability first: an event counts as written only when every in-sync replica
		// has it.
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		// A poison command goes to the dead-letter topic unchanged, however large it was.
		config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES + 65536);
		// A result sent again after a timed-out wait must not have a first copy still in
		// flight.
		ProducerTimeouts.fitWithin(config, properties.sendTimeout());
		DefaultKafkaProducerFactory<byte[], byte[]> producers = new DefaultKafkaProducerFactory<>(config);
		producers.addListener(new MicrometerProducerListener<>(meterRegistry));
		return new KafkaTemplate<>(producers);
	}

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
		return new KafkaHealthIndicator(Admin.create(kafka.buildAdminProperties()), Duration.ofSeconds(3));
	}

	@Bean
	EventPublisher eventPublisher(KafkaTemplate<byte[], byte[]> bridgeKafkaTemplate, TopicProperties topics,
			EventProperties properties, MeterRegistry meterRegistry) {
		JsonMapper json = JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();
		return new EventPublisher(bridgeKafkaTemplate, json, topics, properties,
				new ConnectionStateMetrics(meterRegistry));
	}

	@Bean
	KafkaAdmin.NewTopics bridgeTopics(TopicProperties topics) {
		if (!topics.create()) {
			return new KafkaAdmin.NewTopics();
		}
		String maxBytes = Integer.toString(MAX_RECORD_BYTES);
		return new KafkaAdmin.NewTopics(
				topic(topics, topics.commands()).config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes).build(),
				topic(topics, topics.commandResults()).build(), topic(topics, topics.status()).build(),
				topic(topics, topics.connectionState()).compact()
					.config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "60000")
					.build(),
				topic(topics, topics.webhooks()).build(),
				// One record per open operation, a tombstone when it ends: compacted,
				// with short segments so that compaction runs.
				topic(topics, topics.pendingOperations()).compact()
					.config(TopicConfig.SEGMENT_MS_CONFIG, "3600000")
					.config(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1")
					.build(),
				// A marker per costly command between "call started" and "result
				// written";
				// a tombstone after: compacted, so only the unfinished ones remain.
				topic(topics, topics.commandLedger()).compact()
					.config(TopicConfig.SEGMENT_MS_CONFIG, "3600000")
					.config(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1")
					.build(),
				topic(topics, topics.commandsDlt()).config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes).build());
	}

	private static TopicBuilder topic(TopicProperties topics, String name) {
		TopicBuilder builder = TopicBuilder.name(name).partitions(topics.partitions());
		if (topics.replicationFactor() > 0) {
			builder.replicas(topics.replicationFactor());
		}
		return builder;
	}

}
