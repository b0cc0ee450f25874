package dev.ftbridge.lineage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

import dev.ftbridge.events.EventProperties;
import dev.ftbridge.events.EventPublisher;
import dev.ftbridge.kafka.ConsumerSettings;
import dev.ftbridge.kafka.TopicProperties;
import dev.ftbridge.fivetran.FivetranAccounts;

/**
 * Lineage and drift, when {@code ftbridge.lineage.enabled}: their topics, the schema
 * store (read back at start-up) and one listener container on the status and result
 * topics. The switch is read when the beans are made, not as a condition on this class:
 * with Spring AOT ({@code -Dspring.aot.enabled=true}, as the image runs) conditions are
 * decided when the jar is built, and lineage could not be turned on at run time.
 */
@Configuration(proxyBeanMethods = false)
class LineageConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LineageConfiguration.class);

	@Bean
	KafkaAdmin.NewTopics lineageTopics(TopicProperties topics, LineageProperties properties) {
		if (!properties.enabled() || !topics.create()) {
			return new KafkaAdmin.NewTopics();
		}
		return new KafkaAdmin.NewTopics(topic(topics, topics.lineage()).build(),
				topic(topics, topics.connectionSchemas()).compact()
					.config(TopicConfig.SEGMENT_MS_CONFIG, "3600000")
					.config(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1")
					.build());
	}

	@Bean
	ConcurrentMessageListenerContainer<byte[], byte[]> lineageListenerContainer(KafkaProperties kafka,
			TopicProperties topics, LineageProperties properties, EventProperties events,
			KafkaTemplate<byte[], byte[]> bridgeKafkaTemplate, FivetranAccounts accounts, KafkaAdmin admin,
			Clock clock) {
		ContainerProperties container = new ContainerProperties(topics.status(), topics.commandResults());
		container.setPollTimeout(1000);
		if (!properties.enabled()) {
			// never started: no group joined, no schema read back
			container.setMessageListener((MessageListener<byte[], byte[]>) (record) -> {
			});
			ConcurrentMessageListenerContainer<byte[], byte[]> off = new ConcurrentMessageListenerContainer<>(
					new DefaultKafkaConsumerFactory<>(Map.of()), container);
			off.setAutoStartup(false);
			return off;
		}
		JsonMapper json = EventPublisher.eventJson();
		DefaultKafkaConsumerFactory<byte[], byte[]> consumers = new DefaultKafkaConsumerFactory<>(
				consumerConfig(kafka, properties.groupId()));
		// The schema topic must exist before it is read back.
		admin.initialize();
		SchemaStore store = new SchemaStore(bridgeKafkaTemplate, json, topics.connectionSchemas());
		store.load(consumers);
		LineageSink sink = new LineageSink(bridgeKafkaTemplate, json, properties, topics.lineage(), topics.status(),
				events.source());
		StatusFollower follower = new StatusFollower(
				new SchemaWatch((name) -> accounts.contains(name) ? accounts.get(name).client() : null, store, sink,
						clock),
				new RunEvents(properties), sink);
		container.setMessageListener((MessageListener<byte[], byte[]>) (record) -> follow(follower, json, record));
		return new ConcurrentMessageListenerContainer<>(consumers, container);
	}

	/**
	 * Lineage is derived and best effort: a record that cannot be followed (Fivetran or
	 * the broker unavailable past the client's retries) is logged and skipped rather than
	 * holding up the records behind it.
	 */
	private static void follow(StatusFollower follower, JsonMapper json, ConsumerRecord<byte[], byte[]> record) {
		if (record.value() == null) {
			return;
		}
		try {
			follower.accept(json.readTree(record.value()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			String key = (record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null;
			log.warn("Lineage skipped {} of {}: {}", key, record.topic(), ex.toString());
		}
	}

	private static Map<String, Object> consumerConfig(KafkaProperties kafka, String groupId) {
		// A new group starts at the end: replaying a week of status would read every
		// connection's schema config again and repeat old lineage.
		return ConsumerSettings.of(kafka)
			.group(groupId)
			.set(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")
			.properties();
	}

	private static TopicBuilder topic(TopicProperties topics, String name) {
		TopicBuilder builder = TopicBuilder.name(name).partitions(topics.partitions());
		if (topics.replicationFactor() > 0) {
			builder.replicas(topics.replicationFactor());
		}
		return builder;
	}

}
