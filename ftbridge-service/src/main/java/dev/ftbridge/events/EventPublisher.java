package dev.ftbridge.events;

import dev.ftbridge.contract.CloudEvents;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.TableDescribed;
import dev.ftbridge.contract.TransformationStatusObserved;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.kafka.core.KafkaTemplate;

import dev.ftbridge.kafka.Sends;
import dev.ftbridge.kafka.TopicProperties;

/**
 * Publishes result and status events as structured CloudEvents and returns only once the
 * broker has acknowledged them ({@code acks=all}), so a caller can commit what it read.
 */
public class EventPublisher {

	private final KafkaTemplate<byte[], byte[]> kafka;

	private final JsonMapper json;

	private final TopicProperties topics;

	private final EventProperties properties;

	private final ConnectionStateMetrics connectionStates;

	EventPublisher(KafkaTemplate<byte[], byte[]> kafka, JsonMapper json, TopicProperties topics,
			EventProperties properties, ConnectionStateMetrics connectionStates) {
		this.kafka = kafka;
		this.json = json;
		this.topics = topics;
		this.properties = properties;
		this.connectionStates = connectionStates;
	}

	/**
	 * The header on a command's own results that names the offset of the command record
	 * they answer, so that a record Kafka delivers again can be told from a command
	 * published again.
	 */
	public static final String COMMAND_OFFSET_HEADER = "ftbridge_command_offset";

	/**
	 * Publishes a command's result, keyed like the command, to the command's own
	 * partition number: never where a partitioner would put the key, since the command's
	 * producer may have used another partitioner, named the partition itself or sent no
	 * key, and the ledger reads a command partition's results from the same partition
	 * number.
	 * @param partition the command record's partition, or null for an operation recorded
	 * before operations named it (then the default partitioner places the key, as it did
	 * then)
	 */
	public void commandResult(String key, Integer partition, CommandResult result) {
		ProducerRecord<byte[], byte[]> record = record(this.topics.commandResults(), partition, key, CommandResult.TYPE,
				result.resourceId(), result.finishedAt(), result);
		Sends.await(record.topic(), this.kafka.send(record), this.properties.sendTimeout());
	}

	/**
	 * Publishes a command's result, keyed like the command, to the command's own
	 * partition number, naming the offset of the command record it answers (in
	 * {@link #COMMAND_OFFSET_HEADER}).
	 */
	public void commandResult(String key, int partition, CommandResult result, long commandOffset) {
		ProducerRecord<byte[], byte[]> record = record(this.topics.commandResults(), partition, key, CommandResult.TYPE,
				result.resourceId(), result.finishedAt(), result);
		record.headers().add(COMMAND_OFFSET_HEADER, Long.toString(commandOffset).getBytes(StandardCharsets.UTF_8));
		Sends.await(record.topic(), this.kafka.send(record), this.properties.sendTimeout());
	}

	/** The command offset a result's header names, or -1. */
	public static long commandOffset(Header header) {
		if (header == null || header.value() == null) {
			return -1;
		}
		try {
			return Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * Publishes a connection's status, keyed by the connection id, to the status topic
	 * and, as the connection's latest status, to the compacted connection-state topic.
	 */
	public void connectionStatus(ConnectionStatusObserved status) {
		Sends.await(this.topics.status(), sendConnectionStatus(status), this.properties.sendTimeout());
	}

	/**
	 * Sends what {@link #connectionStatus} publishes without waiting: the future
	 * completes when the broker has acknowledged both records, or exceptionally when it
	 * took either not. For a caller that awaits a whole batch at once.
	 */
	public CompletableFuture<Void> sendConnectionStatus(ConnectionStatusObserved status) {
		ProducerRecord<byte[], byte[]> event = record(this.topics.status(), status.connectionId(),
				ConnectionStatusObserved.TYPE, status.connectionId(), status.observedAt(), status);
		ProducerRecord<byte[], byte[]> state = new ProducerRecord<>(this.topics.connectionState(), event.key(),
				event.value());
		event.headers().forEach((header) -> state.headers().add(header));
		CompletableFuture<?> sentEvent = this.kafka.send(event);
		CompletableFuture<?> sentState = this.kafka.send(state);
		return CompletableFuture.allOf(sentEvent, sentState).thenRun(() -> this.connectionStates.observed(status));
	}

	/**
	 * Publishes the tables a describe command read, keyed by the connection id, to the
	 * status topic: all are sent before any is awaited.
	 */
	public void tablesDescribed(List<TableDescribed> tables) {
		List<CompletableFuture<?>> sent = new ArrayList<>();
		for (TableDescribed table : tables) {
			sent.add(this.kafka.send(record(this.topics.status(), table.connectionId(), TableDescribed.TYPE,
					table.connectionId(), table.observedAt(), table)));
		}
		for (CompletableFuture<?> each : sent) {
			Sends.await(this.topics.status(), each, this.properties.sendTimeout());
		}
	}

	/** Publishes a transformation's status, keyed by the transformation id. */
	public void transformationStatus(TransformationStatusObserved status) {
		Sends.await(this.topics.status(), sendTransformationStatus(status), this.properties.sendTimeout());
	}

	/**
	 * Sends what {@link #transformationStatus} publishes without waiting: the future
	 * completes when the broker has acknowledged it.
	 */
	public CompletableFuture<Void> sendTransformationStatus(TransformationStatusObserved status) {
		return this.kafka
			.send(record(this.topics.status(), status.transformationId(), TransformationStatusObserved.TYPE,
					status.transformationId(), status.observedAt(), status))
			.thenApply((sent) -> null);
	}

	private ProducerRecord<byte[], byte[]> record(String topic, String key, String type, String subject, Instant time,
			Object data) {
		return record(topic, null, key, type, subject, time, data);
	}

	private ProducerRecord<byte[], byte[]> record(String topic, Integer partition, String key, String type,
			String subject, Instant time, Object data) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition,
				(key != null) ? key.getBytes(StandardCharsets.UTF_8) : null,
				StructuredEvent.bytes(this.json, this.properties.source(), type, subject, time, data));
		record.headers().add("content-type", CloudEvents.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
		return record;
	}

	/**
	 * How events are written: snake_case names, nulls left out (also the lineage events
	 * and schema records, which follow the same conventions).
	 */
	public static JsonMapper eventJson() {
		return JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();
	}

}
