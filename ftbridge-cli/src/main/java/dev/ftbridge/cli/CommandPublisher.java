package dev.ftbridge.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.ftbridge.contract.CloudEvents;

/**
 * Publishes commands durably ({@code acks=all}, idempotent producer) and counts what
 * Kafka acknowledged.
 */
final class CommandPublisher implements AutoCloseable {

	private final KafkaProducer<byte[], byte[]> producer;

	private final String topic;

	CommandPublisher(KafkaOptions kafka, String topic) {
		Map<String, Object> config = kafka.clientConfig();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, kafka.timeoutMillis());
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3 * kafka.timeoutMillis() + 5);
		// commands up to the bridge's 1 MiB limit, plus the envelope
		config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
		this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
		this.topic = topic;
	}

	/** Sends every command, waits for Kafka, and says how many it took. */
	Published publish(List<OutgoingCommand> commands) {
		List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
		for (OutgoingCommand command : commands) {
			byte[] key = (command.key() != null) ? command.key().getBytes(StandardCharsets.UTF_8) : null;
			ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(this.topic, key, command.value());
			record.headers().add("content-type", CloudEvents.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
			records.add(record);
		}
		return publishRecords(records);
	}

	/** Sends records as they are (their topic is replaced by this publisher's). */
	Published publishRecords(List<ProducerRecord<byte[], byte[]>> records) {
		List<Future<RecordMetadata>> sent = new ArrayList<>();
		Exception failure = null;
		for (ProducerRecord<byte[], byte[]> given : records) {
			ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(this.topic, null, given.key(), given.value(),
					given.headers());
			try {
				sent.add(this.producer.send(record));
			}
			catch (RuntimeException ex) {
				failure = ex;
				break;
			}
		}
		this.producer.flush();
		int acknowledged = 0;
		for (Future<RecordMetadata> future : sent) {
			try {
				future.get();
				acknowledged++;
			}
			catch (ExecutionException ex) {
				failure = (failure != null) ? failure : (Exception) ex.getCause();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failure = ex;
			}
		}
		return new Published(acknowledged, records.size(), failure);
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
	}

	/**
	 * What Kafka took.
	 *
	 * @param acknowledged commands Kafka acknowledged
	 * @param total commands sent
	 * @param failure the first failure, or {@code null}
	 */
	record Published(int acknowledged, int total, Exception failure) {

		boolean complete() {
			return this.failure == null && this.acknowledged == this.total;
		}

		String problem() {
			return "Kafka took " + this.acknowledged + " of " + this.total + " commands"
					+ ((this.failure != null) ? "; first failure: " + this.failure.getMessage() : "");
		}

	}

}
