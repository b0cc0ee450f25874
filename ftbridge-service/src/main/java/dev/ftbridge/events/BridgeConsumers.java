package dev.ftbridge.events;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The configuration every consumer of the bridge starts from: Boot's, read committed.
 * Commands from an upstream transaction that aborted never run, and the bridge's own
 * topics are read back only as far as they are committed.
 */
public final class BridgeConsumers {

	private BridgeConsumers() {
	}

	/** Boot's consumer properties with {@code isolation.level=read_committed}. */
	public static Map<String, Object> properties(KafkaProperties kafka) {
		Map<String, Object> config = kafka.buildConsumerProperties();
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		return config;
	}

}
