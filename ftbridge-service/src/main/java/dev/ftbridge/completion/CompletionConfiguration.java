package dev.ftbridge.completion;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import dev.ftbridge.events.EventProperties;
import dev.ftbridge.events.EventPublisher;
import dev.ftbridge.fivetran.FivetranAccounts;
import dev.ftbridge.kafka.ConsumerSettings;
import dev.ftbridge.kafka.TopicProperties;

/**
 * Wires completion: the started marks and the pending-operations topic the command path
 * writes, the tracker that follows open operations, its ticks, and the consumer side that
 * restores them.
 */
@Configuration(proxyBeanMethods = false)
class CompletionConfiguration {

	@Bean
	PendingOperationsTopic pendingOperations(KafkaTemplate<byte[], byte[]> bridgeKafkaTemplate, TopicProperties topics,
			OperationsProperties properties, EventProperties eventProperties) {
		return new PendingOperationsTopic(bridgeKafkaTemplate, topics.pendingOperations(), properties.timeout(),
				eventProperties.sendTimeout());
	}

	@Bean
	StartedMarks startedMarks(KafkaTemplate<byte[], byte[]> bridgeKafkaTemplate, TopicProperties topics,
			EventProperties eventProperties) {
		return new StartedMarks(bridgeKafkaTemplate, topics.commandLedger(), eventProperties.sendTimeout());
	}

	@Bean
	PendingOperationsConsumer pendingOperationsConsumer(TopicProperties topics, OperationTracker operationTracker) {
		return new PendingOperationsConsumer(topics.pendingOperations(), operationTracker);
	}

	@Bean
	OperationTracker operationTracker(PendingOperationsTopic pendingOperations, EventPublisher events,
			FivetranAccounts accounts, OperationsProperties properties, MeterRegistry meterRegistry,
			KafkaProperties kafka, TopicProperties topics, Clock clock) {
		// a consumer that reads assigned partitions and never commits anything
		ResultHistory history = new ResultHistory(ConsumerSettings.of(kafka).factory(), topics.commandResults());
		OperationTracker tracker = new OperationTracker(new KafkaCompletionOutput(events, pendingOperations, history),
				new FivetranOperationCalls(accounts), properties, clock);
		Gauge.builder("ftbridge.pending.operations", tracker, OperationTracker::openOperations)
			.description("Asynchronous operations accepted by Fivetran and not yet ended, on this instance")
			.register(meterRegistry);
		Gauge.builder("ftbridge.pending.operation.oldest.age", tracker, OperationTracker::oldestAgeSeconds)
			.description("Seconds since the oldest open operation on this instance was accepted")
			.baseUnit("seconds")
			.register(meterRegistry);
		return tracker;
	}

	/**
	 * One record per open operation, a tombstone when it ends; a mark per costly command
	 * between "call started" and "result written", a tombstone after. Both compacted,
	 * with short segments so that compaction runs and only the open ones remain.
	 */
	@Bean
	KafkaAdmin.NewTopics completionTopics(TopicProperties topics) {
		return topics.declare(compacted(topics, topics.pendingOperations()), compacted(topics, topics.commandLedger()));
	}

	private static NewTopic compacted(TopicProperties topics, String name) {
		return topics.builder(name)
			.compact()
			.config(TopicConfig.SEGMENT_MS_CONFIG, "3600000")
			.config(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1")
			.build();
	}

	@Bean
	OperationScheduler operationScheduler(OperationTracker operationTracker, OperationsProperties properties) {
		return new OperationScheduler(operationTracker, properties.tick());
	}

}
