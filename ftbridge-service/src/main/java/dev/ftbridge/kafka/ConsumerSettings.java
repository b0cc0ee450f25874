package dev.ftbridge.kafka;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * The configuration every consumer of the bridge starts from: Boot's, read committed,
 * byte arrays, no auto-commit, and no group unless one is named. Commands from an
 * upstream transaction that aborted never run, the bridge's own topics are read back only
 * as far as they are committed, and offsets are committed only where the bridge decides.
 */
public final class ConsumerSettings {

	private final Map<String, Object> config;

	private ConsumerSettings(Map<String, Object> config) {
		this.config = config;
	}

	/** Boot's consumer properties with the bridge's defaults, in no group. */
	public static ConsumerSettings of(KafkaProperties kafka) {
		Map<String, Object> config = kafka.buildConsumerProperties();
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		return new ConsumerSettings(config);
	}

	/** Joins a consumer group. */
	public ConsumerSettings group(String groupId) {
		return set(ConsumerConfig.GROUP_ID_CONFIG, groupId);
	}

	/** Sets a property, whatever Boot's configuration says. */
	public ConsumerSettings set(String name, Object value) {
		this.config.put(name, value);
		return this;
	}

	/** Sets a property unless Boot's configuration sets it. */
	public ConsumerSettings setIfAbsent(String name, Object value) {
		this.config.putIfAbsent(name, value);
		return this;
	}

	/** The properties, for a consumer or a factory. */
	public Map<String, Object> properties() {
		return this.config;
	}

	/** A consumer factory with these properties. */
	public DefaultKafkaConsumerFactory<byte[], byte[]> factory() {
		return new DefaultKafkaConsumerFactory<>(this.config);
	}

}
