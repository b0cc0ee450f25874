package dev.ftbridge.completion;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.kafka.core.KafkaTemplate;

import dev.ftbridge.kafka.Sends;

/**
 * Marks a costly command started in the command ledger topic before Fivetran is called,
 * and removes the mark once its result is written, so that a command redelivered after a
 * crash in between is reconciled instead of sent again. The mark sits in the command's
 * own partition, keyed {@code command-key/command-id}.
 */
public class StartedMarks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KafkaTemplate<byte[], byte[]> kafka;

	private final String topic;

	private final Duration timeout;

	public StartedMarks(KafkaTemplate<byte[], byte[]> kafka, String topic, Duration timeout) {
		this.kafka = kafka;
		this.topic = topic;
		this.timeout = timeout;
	}

	/**
	 * Marks the command started, naming the offset of its record (so that the record,
	 * delivered again, is recognised even when only the pending operation's terminal
	 * result made it to the result topic).
	 */
	public void started(int partition, String commandKey, String commandId, String commandType, Instant at,
			long offset) {
		ObjectNode value = JSON.createObjectNode()
			.put("command_id", commandId)
			.put("command_type", commandType)
			.put("started_at", at.toString())
			.put("offset", offset);
		send(partition, commandKey, commandId, JSON.writeValueAsBytes(value));
	}

	/** Removes the mark (a tombstone) once the command's result is written. */
	public void finished(int partition, String commandKey, String commandId) {
		send(partition, commandKey, commandId, null);
	}

	/**
	 * The mark a record of the ledger topic holds.
	 * @throws RuntimeException when it is not a started mark
	 */
	public static Mark read(byte[] value) {
		JsonNode mark = JSON.readTree(value);
		String id = mark.path("command_id").asString(null);
		String started = mark.path("started_at").asString(null);
		if (id == null || started == null) {
			throw new IllegalArgumentException("not a started mark");
		}
		return new Mark(id, Instant.parse(started), mark.path("offset").asLong(-1));
	}

	private void send(int partition, String commandKey, String commandId, byte[] value) {
		byte[] key = (commandKey + "/" + commandId).getBytes(StandardCharsets.UTF_8);
		Sends.await(this.kafka, new ProducerRecord<>(this.topic, partition, key, value), this.timeout);
	}

	/**
	 * A command marked started.
	 *
	 * @param commandId the command
	 * @param startedAt when its call to Fivetran started
	 * @param offset the offset of its record, or -1 when the mark does not name it
	 */
	public record Mark(String commandId, Instant startedAt, long offset) {

	}

}
