package dev.ftbridge.operations;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import dev.ftbridge.events.BridgeConsumers;
import dev.ftbridge.events.EventProperties;
import dev.ftbridge.events.EventPublisher;
import dev.ftbridge.events.TopicProperties;
import dev.ftbridge.fivetran.FivetranClient;

/** Wires pending operations: the log the command path writes, the desk, its ticks. */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

	@Bean
	OperationLog pendingOperations(KafkaTemplate<byte[], byte[]> bridgeKafkaTemplate, TopicProperties topics,
			OperationsProperties properties, EventProperties eventProperties) {
		return new OperationLog(bridgeKafkaTemplate, topics.pendingOperations(), properties.timeout(),
				eventProperties.sendTimeout());
	}

	@Bean
	OperationDesk operationDesk(OperationLog pendingOperations, EventPublisher events, FivetranClient fivetran,
			OperationsProperties properties, MeterRegistry meterRegistry, KafkaProperties kafka,
			TopicProperties topics) {
		ResultHistory history = new ResultHistory(new DefaultKafkaConsumerFactory<>(readOnly(kafka),
				new ByteArrayDeserializer(), new ByteArrayDeserializer()), topics.commandResults());
		OperationDesk desk = new OperationDesk(new KafkaOutbox(events, pendingOperations, history),
				new FivetranLookups(fivetran), properties, Clock.systemUTC());
		Gauge.builder("ftbridge.pending.operations", desk, OperationDesk::openOperations)
			.description("Asynchronous operations accepted by Fivetran and not yet ended, on this instance")
			.register(meterRegistry);
		Gauge.builder("ftbridge.pending.operation.oldest.age", desk, OperationDesk::oldestAgeSeconds)
			.description("Seconds since the oldest open operation on this instance was accepted")
			.baseUnit("seconds")
			.register(meterRegistry);
		return desk;
	}

	/** A consumer that reads assigned partitions and never commits anything. */
	private static Map<String, Object> readOnly(KafkaProperties kafka) {
		Map<String, Object> config = BridgeConsumers.properties(kafka);
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return config;
	}

	@Bean
	OperationScheduler operationScheduler(OperationDesk operationDesk, OperationsProperties properties) {
		return new OperationScheduler(operationDesk, properties.tick());
	}

}
