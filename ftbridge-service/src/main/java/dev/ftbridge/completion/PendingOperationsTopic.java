package dev.ftbridge.completion;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.kafka.KafkaSendException;
import dev.ftbridge.kafka.Sends;

/**
 * The pending-operations topic: one record per open operation, keyed
 * {@code resource/command}, tombstoned when it ends. Each record goes to the partition
 * Kafka's default partitioner gives the bare resource id — the partition of the
 * resource's webhooks, as long as both topics have the same partition count — so that one
 * consumer sees an operation and the webhooks that end it.
 */
class PendingOperationsTopic implements PendingOperations {

	private static final Logger log = LoggerFactory.getLogger(PendingOperationsTopic.class);

	private final KafkaTemplate<byte[], byte[]> kafka;

	private final String topic;

	private final Duration timeout;

	private final Duration sendTimeout;

	PendingOperationsTopic(KafkaTemplate<byte[], byte[]> kafka, String topic, Duration timeout, Duration sendTimeout) {
		this.kafka = kafka;
		this.topic = topic;
		this.timeout = timeout;
		this.sendTimeout = sendTimeout;
	}

	@Override
	public void accepted(String key, int partition, CommandResult accepted, boolean cancelOnTimeout) {
		PendingOperation operation = PendingOperation.accepted(key, partition, accepted, this.timeout);
		if (operation == null) {
			log.warn("Command {} was accepted without a resource id; its end cannot be followed", accepted.commandId());
			return;
		}
		write(operation.cancellingOnTimeout(cancelOnTimeout));
	}

	@Override
	public void reconciled(String key, int partition, CommandResult accepted, Instant startedAt,
			boolean cancelOnTimeout) {
		PendingOperation operation = PendingOperation.accepted(key, partition, accepted, this.timeout, startedAt);
		if (operation == null) {
			log.warn("Command {} was reconciled without a resource id; its end cannot be followed",
					accepted.commandId());
			return;
		}
		send(operation, OperationRecords.encodeReconciled(operation.cancellingOnTimeout(cancelOnTimeout)));
	}

	@Override
	public void awaiting(String key, int partition, CommandResult accepted, Instant after, Duration timeout) {
		PendingOperation operation = PendingOperation.accepted(key, partition, accepted,
				(timeout != null) ? timeout : this.timeout, after);
		if (operation == null) {
			log.warn("Command {} awaits no connection id; its end cannot be followed", accepted.commandId());
			return;
		}
		write(operation);
	}

	/** Records the operation as it is now; returns once the broker has it. */
	void write(PendingOperation operation) {
		send(operation, OperationRecords.encode(operation));
	}

	/** Removes the operation (a tombstone); returns once the broker has it. */
	void remove(PendingOperation operation) {
		send(operation, null);
	}

	/** The partition the default partitioner gives a key, in a topic of that size. */
	static int partitionOf(String resourceId, int partitions) {
		return Utils.toPositive(Utils.murmur2(resourceId.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

	private void send(PendingOperation operation, byte[] value) {
		try {
			int partition = partitionOf(operation.resourceId(), this.kafka.partitionsFor(this.topic).size());
			ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(this.topic, partition,
					operation.recordKey().getBytes(StandardCharsets.UTF_8), value);
			Sends.await(this.kafka, record, this.sendTimeout);
		}
		catch (KafkaException ex) {
			// the topic's partitions could not be read, or the producer refused at once
			throw new KafkaSendException("could not publish to " + this.topic, ex);
		}
	}

}
