package dev.ftbridge.command;

import dev.ftbridge.contract.Command;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.kafka.core.KafkaTemplate;

import dev.ftbridge.events.EventPublishException;

/**
 * Marks a costly command started in the command ledger topic before Fivetran is called,
 * and removes the mark once its result is written, so that a command redelivered after a
 * crash in between is reconciled instead of sent again. The mark sits in the command's
 * own partition, keyed {@code command-key/command-id}.
 */
class StartedMarkers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KafkaTemplate<byte[], byte[]> kafka;

	private final String topic;

	private final long timeoutMillis;

	StartedMarkers(KafkaTemplate<byte[], byte[]> kafka, String topic, long timeoutMillis) {
		this.kafka = kafka;
		this.topic = topic;
		this.timeoutMillis = timeoutMillis;
	}

	/**
	 * Marks the command started, naming the offset of its record (so that the record,
	 * delivered again, is recognised even when only the pending operation's terminal
	 * result made it to the result topic).
	 */
	void started(int partition, Command command, Instant at, long offset) {
		ObjectNode value = JSON.createObjectNode()
			.put("command_id", command.id())
			.put("command_type", command.type().type())
			.put("started_at", at.toString())
			.put("offset", offset);
		send(partition, command, JSON.writeValueAsBytes(value));
	}

	void finished(int partition, Command command) {
		send(partition, command, null);
	}

	private void send(int partition, Command command, byte[] value) {
		byte[] key = (command.key() + "/" + command.id()).getBytes(StandardCharsets.UTF_8);
		try {
			this.kafka.send(new ProducerRecord<>(this.topic, partition, key, value))
				.get(this.timeoutMillis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EventPublishException("interrupted while writing the command ledger", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new EventPublishException("could not write to " + this.topic, ex);
		}
	}

}
