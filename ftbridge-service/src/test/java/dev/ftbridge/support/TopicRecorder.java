package dev.ftbridge.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.awaitility.Awaitility;

/**
 * Reads a whole topic from the beginning in the background, so tests can wait for the
 * records they expect (filtered by something unique to the test, such as a command id).
 */
public final class TopicRecorder implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Recorded> records = new CopyOnWriteArrayList<>();

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final Thread thread;

	private volatile boolean running = true;

	public TopicRecorder(String bootstrapServers, String topic) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
		List<TopicPartition> partitions = this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
		this.thread = new Thread(this::run, "recorder-" + topic);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		try {
			while (this.running) {
				for (ConsumerRecord<byte[], byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
					this.records.add(new Recorded(record));
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close();
		}
	}

	public List<Recorded> records() {
		return List.copyOf(this.records);
	}

	public List<Recorded> matching(Predicate<Recorded> filter) {
		return this.records.stream().filter(filter).toList();
	}

	/** Waits until at least {@code count} records match, and returns them. */
	public List<Recorded> await(Predicate<Recorded> filter, int count, Duration timeout) {
		Awaitility.await().atMost(timeout).until(() -> matching(filter).size() >= count);
		return matching(filter);
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
	}

	/** One record, with its value parsed as JSON where it is JSON. */
	public static final class Recorded {

		private static final int KEPT_TREE_BYTES = 64 * 1024;

		private final ConsumerRecord<byte[], byte[]> record;

		private final JsonNode json;

		Recorded(ConsumerRecord<byte[], byte[]> record) {
			this.record = record;
			// a large value (a dead-lettered bomb) is parsed when asked for, not kept
			// as a tree: a mebibyte of tiny objects is tens of MiB of nodes
			this.json = (record.value() != null && record.value().length <= KEPT_TREE_BYTES) ? parse(record.value())
					: null;
		}

		private static JsonNode parse(byte[] value) {
			try {
				return (value != null) ? JSON.readTree(value) : null;
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

		public String key() {
			return (this.record.key() != null) ? new String(this.record.key(), StandardCharsets.UTF_8) : null;
		}

		public byte[] value() {
			return this.record.value();
		}

		public int partition() {
			return this.record.partition();
		}

		/** When the producer made it (its clock; on loopback tests, this machine's). */
		public long timestamp() {
			return this.record.timestamp();
		}

		public JsonNode json() {
			return (this.json != null || this.record.value() == null || this.record.value().length <= KEPT_TREE_BYTES)
					? this.json : parse(this.record.value());
		}

		/** The CloudEvent's {@code data}. */
		public JsonNode data() {
			JsonNode json = json();
			return (json != null) ? json.path("data") : null;
		}

		public String dataText(String field) {
			JsonNode data = data();
			return (data != null) ? data.path(field).asString(null) : null;
		}

		public String header(String name) {
			Header header = this.record.headers().lastHeader(name);
			return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
		}

	}

}
