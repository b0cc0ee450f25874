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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads topics from a point in time on, without a consumer group: watching commits
 * nothing and disturbs no one.
 */
final class TopicFollower implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	/**
	 * @param from where to start: {@code null} for the beginning of each partition
	 */
	TopicFollower(KafkaOptions kafka, List<String> topics, Instant from) {
		Map<String, Object> config = kafka.clientConfig();
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : topics) {
			this.consumer.partitionsFor(topic, kafka.timeout)
				.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
		}
		this.consumer.assign(partitions);
		if (from == null) {
			this.consumer.seekToBeginning(partitions);
			return;
		}
		// The ends are read first: a partition with nothing since `from` starts at the
		// end it
		// had then, so an event published while this follower starts is never skipped (a
		// lazy seekToEnd would resolve at the first poll, after it).
		Map<TopicPartition, Long> ends = this.consumer.endOffsets(partitions, kafka.timeout);
		Map<TopicPartition, Long> times = new HashMap<>();
		partitions.forEach((partition) -> times.put(partition, from.toEpochMilli()));
		this.consumer.offsetsForTimes(times, kafka.timeout)
			.forEach((partition, offset) -> this.consumer.seek(partition,
					(offset != null) ? offset.offset() : ends.get(partition)));
	}

	/** The events that arrived, parsed; values that are not JSON are skipped. */
	List<JsonNode> poll(Duration wait) {
		List<JsonNode> events = new ArrayList<>();
		for (ConsumerRecord<String, String> record : this.consumer.poll(wait)) {
			try {
				if (record.value() != null) {
					events.add(JsonInput.JSON.readTree(record.value()));
				}
			}
			catch (JacksonException ex) {
				// not an event of the bridge's; nothing to show
			}
		}
		return events;
	}

	@Override
	public void close() {
		this.consumer.close(Duration.ofSeconds(1));
	}

}
