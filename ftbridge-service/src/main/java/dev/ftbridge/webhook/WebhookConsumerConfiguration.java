package dev.ftbridge.webhook;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.RangeAssignor;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import dev.ftbridge.kafka.ConsumerSettings;
import dev.ftbridge.events.EventProperties;
import dev.ftbridge.events.EventPublisher;
import dev.ftbridge.kafka.TopicProperties;
import dev.ftbridge.completion.OperationTracker;
import dev.ftbridge.completion.OperationsProperties;
import dev.ftbridge.completion.PendingOperationsConsumer;

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
		DefaultKafkaConsumerFactory<byte[], byte[]> consumers = consumerSettings(kafka).group(properties.groupId())
			.factory();
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
			OperationTracker operationTracker, PendingOperationsConsumer pendingOperationsConsumer,
			OperationsProperties operationsProperties, EventProperties eventProperties, MeterRegistry meterRegistry,
			Clock clock) {
		WebhookProcessor processor = new WebhookProcessor(properties.maxBodyBytes(), events, operationTracker,
				new WebhookMetrics(meterRegistry), properties.dedupWindow(), properties.dedupCapacity(),
				eventProperties.sendTimeout());
		PartitionLoader loader = new PartitionLoader(consumerSettings(kafka).factory(), topics.webhooks(),
				topics.pendingOperations(), properties.dedupWindow(), LOAD_TIMEOUT, clock);
		ConcurrentMessageListenerContainer<byte[], byte[]> container = webhookListenerContainerFactory
			.createContainer(topics.webhooks(), topics.pendingOperations());
		container.getContainerProperties()
			.setMessageListener(new WebhookListener(topics.webhooks(), pendingOperationsConsumer.topic(), processor,
					pendingOperationsConsumer, loader, operationsProperties.recentEvents(),
					operationsProperties.recentEventsMax()));
		return container;
	}

	/** Range assignment: partition p of both topics together. */
	private static ConsumerSettings consumerSettings(KafkaProperties kafka) {
		return ConsumerSettings.of(kafka)
			.set(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic")
			.set(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName())
			.set(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
	}

}
