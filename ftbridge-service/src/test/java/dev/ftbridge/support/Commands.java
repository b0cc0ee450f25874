package dev.ftbridge.support;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes commands the way an upstream system would: CloudEvents on the command topic.
 */
public final class Commands implements AutoCloseable {

	private final KafkaProducer<byte[], byte[]> producer;

	private final String topic;

	public Commands(String bootstrapServers, String topic) {
		this(bootstrapServers, topic, null);
	}

	/**
	 * A publisher whose records without an explicit partition are placed by that
	 * partitioner (for example {@link Crc32Partitioner}, as librdkafka clients do), or by
	 * the Java client's default (murmur2 of the key) when it is null.
	 */
	public Commands(String bootstrapServers, String topic, Class<? extends Partitioner> partitioner) {
		Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 5 * 1024 * 1024));
		if (partitioner != null) {
			config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, partitioner);
		}
		this.producer = new KafkaProducer<>(config);
		this.topic = topic;
	}

	public static String newId() {
		return UUID.randomUUID().toString();
	}

	/** A structured-mode CloudEvent with the given JSON data. */
	public static String event(String id, String type, String dataJson) {
		return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"urn:test\",\"type\":\"" + type
				+ "\",\"time\":\"2026-11-28T10:00:00Z\",\"datacontenttype\":\"application/json\",\"data\":" + dataJson
				+ "}";
	}

	/** Publishes a structured-mode command and waits for the broker. */
	public void send(String key, String id, String type, String dataJson) {
		sendRaw(key, event(id, type, dataJson).getBytes(StandardCharsets.UTF_8),
				Map.of("content-type", "application/cloudevents+json"));
	}

	/** Publishes any bytes, with headers, and waits for the broker. */
	public void sendRaw(String key, byte[] value, Map<String, String> headers) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(this.topic,
				(key != null) ? key.getBytes(StandardCharsets.UTF_8) : null, value);
		headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
		try {
			this.producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Publishes a structured-mode command, waits for the broker, and returns the
	 * partition it landed in.
	 * @param partition the partition to publish to, or null to let the partitioner choose
	 * @param key the key, or null for a record without one
	 */
	public int publish(Integer partition, String key, String id, String type, String dataJson) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(this.topic, partition,
				(key != null) ? key.getBytes(StandardCharsets.UTF_8) : null,
				event(id, type, dataJson).getBytes(StandardCharsets.UTF_8));
		try {
			return this.producer.send(record).get().partition();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Publishes without waiting (for bulk sends); call {@link #flush()} after. */
	public void sendAsync(String key, String id, String type, String dataJson) {
		this.producer.send(new ProducerRecord<>(this.topic, key.getBytes(StandardCharsets.UTF_8),
				event(id, type, dataJson).getBytes(StandardCharsets.UTF_8)));
	}

	public void flush() {
		this.producer.flush();
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
