package dev.ftbridge.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic, from the oldest record Kafka keeps to the end it had when the read
 * began, without a consumer group: nothing is committed and no one is disturbed.
 */
final class TopicSnapshot implements AutoCloseable {

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final KafkaOptions kafka;

	private final String topic;

	private final List<TopicPartition> partitions;

	/** Opens the topic at its oldest records. */
	TopicSnapshot(KafkaOptions kafka, String topic) {
		this(kafka, topic, null);
	}

	/**
	 * Opens the topic at the first record of each partition written at or after
	 * {@code from} ({@code null}: the oldest records).
	 */
	TopicSnapshot(KafkaOptions kafka, String topic, Instant from) {
		Map<String, Object> config = kafka.clientConfig();
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
		this.kafka = kafka;
		this.topic = topic;
		this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
		try {
			this.partitions = this.consumer.partitionsFor(topic, kafka.timeout)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			this.consumer.assign(this.partitions);
			this.consumer.seekToBeginning(this.partitions);
			if (from != null) {
				seek(from);
			}
		}
		catch (org.apache.kafka.common.errors.TimeoutException ex) {
			this.consumer.close(Duration.ZERO);
			throw kafka.unreachable();
		}
		catch (KafkaException ex) {
			this.consumer.close(Duration.ZERO);
			throw new CliException(CliException.KAFKA, "could not read " + topic + ": " + ex.getMessage());
		}
	}

	private void seek(Instant from) {
		Map<TopicPartition, Long> times = new HashMap<>();
		this.partitions.forEach((partition) -> times.put(partition, from.toEpochMilli()));
		Map<TopicPartition, Long> ends = this.consumer.endOffsets(this.partitions, this.kafka.timeout);
		this.consumer.offsetsForTimes(times, this.kafka.timeout)
			.forEach((partition, offset) -> this.consumer.seek(partition,
					(offset != null) ? offset.offset() : ends.get(partition)));
	}

	/** The records up to the end the topic has now, in partition and offset order. */
	List<ConsumerRecord<byte[], byte[]>> toEnd() {
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		try {
			Map<TopicPartition, Long> ends = this.consumer.endOffsets(this.partitions, this.kafka.timeout);
			long deadline = System.nanoTime() + this.kafka.timeout.toNanos() * 3;
			while (!reached(this.consumer, ends)) {
				if (System.nanoTime() > deadline) {
					throw this.kafka.unreachable();
				}
				this.consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
		}
		catch (org.apache.kafka.common.errors.TimeoutException ex) {
			throw this.kafka.unreachable();
		}
		catch (KafkaException ex) {
			throw new CliException(CliException.KAFKA, "could not read " + this.topic + ": " + ex.getMessage());
		}
		records.sort((a, b) -> (a.partition() != b.partition()) ? Integer.compare(a.partition(), b.partition())
				: Long.compare(a.offset(), b.offset()));
		return records;
	}

	/** What arrived since, waiting at most {@code wait}. */
	List<ConsumerRecord<byte[], byte[]>> poll(Duration wait) {
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		this.consumer.poll(wait).forEach(records::add);
		return records;
	}

	@Override
	public void close() {
		this.consumer.close(Duration.ofSeconds(1));
	}

	/** Every record of the topic up to its end now, in partition and offset order. */
	static List<ConsumerRecord<byte[], byte[]>> read(KafkaOptions kafka, String topic) {
		return read(kafka, topic, null);
	}

	/**
	 * The records of the topic written from {@code from} ({@code null}: the oldest) up to
	 * its end now, in partition and offset order.
	 */
	static List<ConsumerRecord<byte[], byte[]>> read(KafkaOptions kafka, String topic, Instant from) {
		try (TopicSnapshot snapshot = new TopicSnapshot(kafka, topic, from)) {
			return snapshot.toEnd();
		}
	}

	private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
	}

}
