package dev.ftbridge.cli;

import java.time.Duration;
import java.util.ArrayList;
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
final class TopicSnapshot {

	private TopicSnapshot() {
	}

	/** Every record of the topic up to its end now, in partition and offset order. */
	static List<ConsumerRecord<byte[], byte[]>> read(KafkaOptions kafka, String topic) {
		Map<String, Object> config = kafka.clientConfig();
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, kafka.timeout)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, kafka.timeout);
			long deadline = System.nanoTime() + kafka.timeout.toNanos() * 3;
			while (!reached(consumer, ends)) {
				if (System.nanoTime() > deadline) {
					throw kafka.unreachable();
				}
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
						records.add(record);
					}
				}
			}
		}
		catch (KafkaException ex) {
			throw new CliException(CliException.KAFKA, "could not read " + topic + ": " + ex.getMessage());
		}
		records.sort((a, b) -> (a.partition() != b.partition()) ? Integer.compare(a.partition(), b.partition())
				: Long.compare(a.offset(), b.offset()));
		return records;
	}

	private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
	}

}
