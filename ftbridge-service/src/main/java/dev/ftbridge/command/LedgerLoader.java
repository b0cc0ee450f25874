package dev.ftbridge.command;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.ConsumerFactory;

import dev.ftbridge.events.EventPublisher;
import dev.ftbridge.events.PartitionScan;
import dev.ftbridge.events.UnreadableRecords;

/**
 * Rebuilds the {@link CommandLedger} for a command partition from the same partition
 * number of the result topic, reading the results of the dedup window up to the current
 * end. Every result of a command is written to its command's partition number
 * ({@link CommandProcessor}, and the pending operation for a terminal result published
 * later), so this one partition holds them all, whichever partitioner placed the command.
 */
class LedgerLoader {

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

	void load(int partition) {
		loadMarkers(partition);
		loadResults(partition);
	}

	/**
	 * The marks of costly commands that started and have no result yet (compacted topic).
	 */
	private void loadMarkers(int partition) {
		TopicPartition markers = new TopicPartition(this.markerTopic, partition);
		Instant since = this.clock.instant().minus(this.ledger.window());
		Map<String, String> idsByKey = new HashMap<>();
		try (Consumer<byte[], byte[]> consumer = this.consumers.createConsumer("ftbridge-ledger", "-markers")) {
			consumer.assign(List.of(markers));
			consumer.seekToBeginning(List.of(markers));
			long end = consumer.endOffsets(List.of(markers)).get(markers);
			while (consumer.position(markers) < end) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					try {
						mark(partition, record, since, idsByKey);
					}
					catch (RuntimeException ex) {
						UnreadableRecords.skipped(record.topic(), record.partition(), record.offset(),
								ex.getClass().getSimpleName());
					}
				}
			}
		}
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
		JsonNode marker = this.json.readTree(record.value());
		String id = marker.path("command_id").asString(null);
		String started = marker.path("started_at").asString(null);
		if (id == null || started == null) {
			throw new IllegalArgumentException("not a started mark");
		}
		Instant startedAt = Instant.parse(started);
		if (startedAt.isBefore(since)) {
			return;
		}
		idsByKey.put(key, id);
		this.ledger.record(partition, id, CommandLedger.STARTED, startedAt, marker.path("offset").asLong(-1));
	}

	private void loadResults(int partition) {
		TopicPartition results = new TopicPartition(this.resultTopic, partition);
		Instant since = this.clock.instant().minus(this.ledger.window());
		try (Consumer<byte[], byte[]> consumer = this.consumers.createConsumer("ftbridge-ledger", "-loader")) {
			PartitionScan.since(consumer, results, since, (record) -> remember(partition, record));
		}
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
