package dev.ftbridge.kafka;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Fits a producer's own timeouts inside the time the bridge waits for an acknowledgement,
 * so that when the wait gives up the producer has given up too: a record the bridge sends
 * again can then never land twice because its first copy was still being retried.
 */
public final class ProducerTimeouts {

	/** Kafka's default {@code request.timeout.ms}. */
	private static final int DEFAULT_REQUEST_TIMEOUT = 30_000;

	/** Kafka's default {@code linger.ms} (since 4.0). */
	private static final int DEFAULT_LINGER = 5;

	private ProducerTimeouts() {
	}

	/**
	 * Sets {@code delivery.timeout.ms} to nine tenths of the wait, and lowers
	 * {@code linger.ms}, {@code request.timeout.ms} and {@code max.block.ms} where they
	 * do not fit (Kafka requires delivery ≥ linger + request).
	 * @param config producer properties, changed in place
	 * @param ackWait how long the bridge waits for the broker's acknowledgement
	 * @return the same map
	 */
	public static Map<String, Object> fitWithin(Map<String, Object> config, Duration ackWait) {
		long wait = Math.max(10, ackWait.toMillis());
		int delivery = (int) Math.min(Integer.MAX_VALUE, wait * 9 / 10);
		int linger = Math.min(number(config, ProducerConfig.LINGER_MS_CONFIG, DEFAULT_LINGER), delivery / 10);
		int request = Math.min(number(config, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, DEFAULT_REQUEST_TIMEOUT),
				delivery - linger);
		int block = (int) Math.min(number(config, ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000), wait);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
		config.put(ProducerConfig.LINGER_MS_CONFIG, linger);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, request);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, block);
		return config;
	}

	private static int number(Map<String, Object> config, String name, int otherwise) {
		Object value = config.get(name);
		if (value == null) {
			return otherwise;
		}
		return (value instanceof Number number) ? number.intValue() : Integer.parseInt(value.toString().trim());
	}

}
