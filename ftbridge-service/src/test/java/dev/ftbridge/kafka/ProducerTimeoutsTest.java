package dev.ftbridge.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer gives up before the bridge stops waiting for it, and Kafka accepts the
 * timeouts it is given.
 */
class ProducerTimeoutsTest {

	@Test
	void deliveryTimeoutFitsInsideTheWaitWithKafkasDefaults() {
		ProducerConfig effective = effective(new HashMap<>(), Duration.ofSeconds(30));
		assertThat(effective.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isLessThan(30_000);
		assertThat((long) effective.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG))
			.isGreaterThanOrEqualTo(effective.getInt(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)
					+ effective.getLong(ProducerConfig.LINGER_MS_CONFIG));
		assertThat(effective.getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG)).isLessThanOrEqualTo(30_000);
	}

	@Test
	void configuredTimeoutsThatDoNotFitAreLowered() {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "60000");
		config.put(ProducerConfig.LINGER_MS_CONFIG, 500);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
		ProducerConfig effective = effective(config, Duration.ofSeconds(2));
		assertThat(effective.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isLessThan(2000);
		assertThat(effective.getLong(ProducerConfig.LINGER_MS_CONFIG)).isLessThan(500);
		assertThat(effective.getInt(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)
				+ effective.getLong(ProducerConfig.LINGER_MS_CONFIG))
			.isLessThanOrEqualTo((long) effective.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
	}

	@Test
	void timeoutsThatAlreadyFitAreKept() {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		ProducerConfig effective = effective(config, Duration.ofSeconds(30));
		assertThat(effective.getInt(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)).isEqualTo(1000);
		assertThat(effective.getLong(ProducerConfig.LINGER_MS_CONFIG)).isZero();
	}

	/** What a producer built from the fitted configuration runs with (it checks them). */
	private static ProducerConfig effective(Map<String, Object> config, Duration wait) {
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		ProducerTimeouts.fitWithin(config, wait);
		// The producer's constructor refuses delivery < linger + request.
		new KafkaProducer<>(config).close(Duration.ZERO);
		return new ProducerConfig(config);
	}

}
