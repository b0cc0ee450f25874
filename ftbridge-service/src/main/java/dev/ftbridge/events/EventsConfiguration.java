package dev.ftbridge.events;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;

import dev.ftbridge.kafka.KafkaConfiguration;
import dev.ftbridge.kafka.ProducerTimeouts;
import dev.ftbridge.kafka.TopicProperties;

/**
 * The producer every writer of the bridge shares (acks from all in-sync replicas,
 * idempotent, timeouts inside the wait for the acknowledgement), the event publisher, and
 * the topics of the published contract.
 */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

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
		config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KafkaConfiguration.MAX_RECORD_BYTES + 65536);
		// A result sent again after a timed-out wait must not have a first copy still in
		// flight.
		ProducerTimeouts.fitWithin(config, properties.sendTimeout());
		DefaultKafkaProducerFactory<byte[], byte[]> producers = new DefaultKafkaProducerFactory<>(config);
		producers.addListener(new MicrometerProducerListener<>(meterRegistry));
		return new KafkaTemplate<>(producers);
	}

	@Bean
	EventPublisher eventPublisher(KafkaTemplate<byte[], byte[]> bridgeKafkaTemplate, TopicProperties topics,
			EventProperties properties, MeterRegistry meterRegistry) {
		return new EventPublisher(bridgeKafkaTemplate, EventPublisher.eventJson(), topics, properties,
				new ConnectionStateMetrics(meterRegistry));
	}

	/** The topics of the published contract. */
	@Bean
	KafkaAdmin.NewTopics eventTopics(TopicProperties topics) {
		return topics.declare(topics.builder(topics.commandResults()).build(), topics.builder(topics.status()).build(),
				topics.builder(topics.connectionState())
					.compact()
					.config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "60000")
					.build());
	}

}
