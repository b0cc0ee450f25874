package dev.ftbridge.command;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.ConsumerFactory;

import dev.ftbridge.completion.StartedMarks;
import dev.ftbridge.events.EventPublisher;
import dev.ftbridge.kafka.PartitionReader;
import dev.ftbridge.kafka.UnreadableRecords;

/**
 * Rebuilds the {@link CommandLedger} for a command partition from the same partition
 * number of the result topic, reading the results of the dedup window up to the current
 * end. Every result of a command is written to its command's partition number
 * ({@link CommandProcessor}, and the pending operation for a terminal result published
 * later), so this one partition holds them all, whichever partitioner placed the command.
 */
class LedgerLoader {

	/**
	 * How long reading one partition back may take before the assignment fails: as long
	 * as the group waits for a poll ({@code max.poll.interval.ms}'s default), after which
	 * it would take the partition away anyway.
	 */
	static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

	private final ConsumerFactory<byte[], byte[]> consumers;

	private final String resultTopic;

	private final String markerTopic;

	private final CommandLedger ledger;

	private final JsonMapper json;

	private final Clock clock;

	LedgerLoader(ConsumerFactory<byte[], byte[]> consumers, String resultTopic, String markerTopic,
			CommandLedger ledger, JsonMapper json, Clock clock) {
		this.markerTopic = markerTopic;
		this.consumers = consumers;
		this.resultTopic = resultTopic;
		this.ledger = ledger;
		this.json = json;
		this.clock = clock;
	}

	void forget(int partition) {
		this.ledger.forget(partition);
	}

	/**
	 * Loads these partitions one after another with one consumer for the markers and one
	 * for the results (not two per partition: a consumer is not cheap to make, and an
	 * assignment at start is every partition).
	 */
	void load(Collection<Integer> partitions) {
		if (partitions.isEmpty()) {
			return;
		}
		try (Consumer<byte[], byte[]> markers = this.consumers.createConsumer("ftbridge-ledger", "-markers");
				Consumer<byte[], byte[]> results = this.consumers.createConsumer("ftbridge-ledger", "-loader")) {
			for (int partition : partitions) {
				loadMarkers(markers, partition);
				loadResults(results, partition);
			}
		}
	}

	/**
	 * The marks of costly commands that started and have no result yet (compacted topic).
	 */
	private void loadMarkers(Consumer<byte[], byte[]> consumer, int partition) {
		TopicPartition markers = new TopicPartition(this.markerTopic, partition);
		Instant since = this.clock.instant().minus(this.ledger.window());
		Map<String, String> idsByKey = new HashMap<>();
		PartitionReader.all(consumer, markers, READ_TIMEOUT, (record) -> {
			try {
				mark(partition, record, since, idsByKey);
			}
			catch (RuntimeException ex) {
				UnreadableRecords.skipped(record.topic(), record.partition(), record.offset(),
						ex.getClass().getSimpleName());
			}
		});
	}

	private void mark(int partition, ConsumerRecord<byte[], byte[]> record, Instant since,
			Map<String, String> idsByKey) {
		String key = new String(record.key(), StandardCharsets.UTF_8);
		if (record.value() == null) {
			String id = idsByKey.remove(key);
			if (id != null) {
				this.ledger.unmark(partition, id);
			}
			return;
		}
		StartedMarks.Mark mark = StartedMarks.read(record.value());
		if (mark.startedAt().isBefore(since)) {
			return;
		}
		idsByKey.put(key, mark.commandId());
		this.ledger.record(partition, mark.commandId(), CommandLedger.STARTED, mark.startedAt(), mark.offset());
	}

	private void loadResults(Consumer<byte[], byte[]> consumer, int partition) {
		TopicPartition results = new TopicPartition(this.resultTopic, partition);
		Instant since = this.clock.instant().minus(this.ledger.window());
		PartitionReader.since(consumer, results, since, READ_TIMEOUT, (record) -> remember(partition, record));
	}

	private void remember(int partition, ConsumerRecord<byte[], byte[]> record) {
		try {
			if (record.value() == null) {
				return;
			}
			JsonNode data = this.json.readTree(record.value()).path("data");
			String commandId = data.path("command_id").asString(null);
			String outcome = data.path("outcome").asString(null);
			long offset = EventPublisher
				.commandOffset(record.headers().lastHeader(EventPublisher.COMMAND_OFFSET_HEADER));
			if (commandId == null || outcome == null || outcome.equals("REJECTED")) {
				return;
			}
			if (outcome.equals("DUPLICATE")) {
				this.ledger.answered(partition, commandId, offset);
			}
			else {
				this.ledger.record(partition, commandId, outcome, Instant.ofEpochMilli(record.timestamp()), offset);
			}
		}
		catch (RuntimeException ex) {
			// not one of ours, or not readable: skipped, never the end of the load
			UnreadableRecords.skipped(record.topic(), record.partition(), record.offset(),
					ex.getClass().getSimpleName());
		}
	}

}
