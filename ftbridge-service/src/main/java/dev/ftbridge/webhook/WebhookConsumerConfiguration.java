package dev.ftbridge.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import dev.ftbridge.events.BridgeConsumers;
import dev.ftbridge.events.EventProperties;
import dev.ftbridge.events.EventPublisher;
import dev.ftbridge.events.TopicProperties;
import dev.ftbridge.operations.OperationDesk;
import dev.ftbridge.operations.OperationsProperties;

/**
 * The inbox consumer: one listener container on the webhooks and pending-operations
 * topics, with a container factory of its own (byte arrays, range assignment).
 */
@Configuration(proxyBeanMethods = false)
class WebhookConsumerConfiguration {

	/** How long reading a newly assigned partition pair may take. */
	private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

	@Bean
	ConcurrentKafkaListenerContainerFactory<byte[], byte[]> webhookListenerContainerFactory(KafkaProperties kafka,
			WebhookProperties properties, MeterRegistry meterRegistry) {
		DefaultKafkaConsumerFactory<byte[], byte[]> consumers = new DefaultKafkaConsumerFactory<>(
				consumerConfig(kafka, properties.groupId()));
		consumers.addListener(new MicrometerConsumerListener<>(meterRegistry));
		ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(consumers);
		factory.setConcurrency(properties.concurrency());
		factory.getContainerProperties().setPollTimeout(1000);
		// A batch whose events could not all be published is delivered again (what was
		// acknowledged is then a repeat and dropped) for about a minute, then left to the
		// polling fallback. Offsets are committed after the listener returns, that is
		// after every send of the batch was acknowledged.
		factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(2000L, 30)));
		return factory;
	}

	@Bean
	ConcurrentMessageListenerContainer<byte[], byte[]> webhookListenerContainer(
			ConcurrentKafkaListenerContainerFactory<byte[], byte[]> webhookListenerContainerFactory,
			KafkaProperties kafka, TopicProperties topics, WebhookProperties properties, EventPublisher events,
			OperationDesk operationDesk, OperationsProperties operationsProperties, EventProperties eventProperties,
			MeterRegistry meterRegistry) {
		WebhookProcessor processor = new WebhookProcessor(properties.maxBodyBytes(), events, operationDesk,
				new WebhookMetrics(meterRegistry), properties.dedupWindow(), properties.dedupCapacity(),
				eventProperties.sendTimeout());
		PartitionLoader loader = new PartitionLoader(new DefaultKafkaConsumerFactory<>(consumerConfig(kafka, null)),
				topics.webhooks(), topics.pendingOperations(), properties.dedupWindow(), LOAD_TIMEOUT,
				Clock.systemUTC());
		ConcurrentMessageListenerContainer<byte[], byte[]> container = webhookListenerContainerFactory
			.createContainer(topics.webhooks(), topics.pendingOperations());
		container.getContainerProperties()
			.setMessageListener(new WebhookListener(topics.webhooks(), topics.pendingOperations(), processor,
					operationDesk, loader, operationsProperties.recentEvents()));
		return container;
	}

	/**
	 * Byte arrays, no auto-commit, and range assignment: partition p of both topics
	 * together.
	 */
	private static Map<String, Object> consumerConfig(KafkaProperties kafka, String groupId) {
		Map<String, Object> config = BridgeConsumers.properties(kafka);
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		if (groupId != null) {
			config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
		}
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
		config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return config;
	}

}
