package dev.ftbridge.completion;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.ConsumerFactory;

import dev.ftbridge.contract.Outcome;
import dev.ftbridge.kafka.PartitionReader;

/**
 * Which operations already have a terminal result in the result topic. An instance that
 * published a terminal result and died before removing the operation leaves it open in
 * the pending-operations topic; whoever restores it asks here first, so that the result
 * is not published a second time.
 *
 * <p>
 * Reads, for each result partition the operations' results are in (their commands'), from
 * a minute before the oldest of them was accepted to the current end.
 */
class ResultHistory {

	private static final Duration MARGIN = Duration.ofMinutes(1);

	/** How long reading one result partition back may take. */
	private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConsumerFactory<byte[], byte[]> consumers;

	private final String topic;

	ResultHistory(ConsumerFactory<byte[], byte[]> consumers, String topic) {
		this.consumers = consumers;
		this.topic = topic;
	}

	/** The command ids among the operations' that have a terminal result. */
	Set<String> ended(Collection<PendingOperation> operations) {
		if (operations.isEmpty()) {
			return Set.of();
		}
		Set<String> ended = new HashSet<>();
		try (Consumer<byte[], byte[]> consumer = this.consumers.createConsumer(null, "-result-history")) {
			int partitions = consumer.partitionsFor(this.topic).size();
			Map<TopicPartition, Instant> since = new HashMap<>();
			Set<String> wanted = new HashSet<>();
			for (PendingOperation operation : operations) {
				wanted.add(operation.commandId());
				TopicPartition partition = new TopicPartition(this.topic, resultPartition(operation, partitions));
				since.merge(partition, operation.acceptedAt().minus(MARGIN), (a, b) -> a.isBefore(b) ? a : b);
			}
			since.forEach((partition, from) -> read(consumer, partition, from, wanted, ended));
		}
		return ended;
	}

	/**
	 * The partition the operation's results are in: its command's, or, for an operation
	 * recorded before operations named it, the one the default partitioner gave its key.
	 */
	static int resultPartition(PendingOperation operation, int partitions) {
		return (operation.partition() != null) ? operation.partition()
				: PendingOperationsTopic.partitionOf(operation.key(), partitions);
	}

	private void read(Consumer<byte[], byte[]> consumer, TopicPartition partition, Instant from, Set<String> wanted,
			Set<String> ended) {
		PartitionReader.since(consumer, partition, from, READ_TIMEOUT, (record) -> {
			String id = terminalCommandId(record.value());
			if (id != null && wanted.contains(id)) {
				ended.add(id);
			}
		});
	}

	private static String terminalCommandId(byte[] value) {
		if (value == null) {
			return null;
		}
		try {
			JsonNode data = JSON.readTree(value).path("data");
			String outcome = data.path("outcome").asString("");
			boolean terminal = Arrays.stream(Outcome.values())
				.anyMatch((known) -> known.name().equals(outcome) && known.terminal());
			return terminal ? data.path("command_id").asString(null) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
