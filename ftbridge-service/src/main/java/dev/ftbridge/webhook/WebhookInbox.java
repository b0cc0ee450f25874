package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * The durable inbox: writes a verified webhook body, unchanged, to the webhooks topic and
 * returns only once the broker has it ({@code acks=all}).
 */
class WebhookInbox {

	static final String RECEIVED_AT_HEADER = "ftbridge_received_at";

	private final KafkaTemplate<byte[], byte[]> kafka;

	private final String topic;

	private final Duration timeout;

	WebhookInbox(KafkaTemplate<byte[], byte[]> kafka, String topic, Duration timeout) {
		this.kafka = kafka;
		this.topic = topic;
		this.timeout = timeout;
	}

	/**
	 * Stores the body; throws {@link InboxUnavailableException} when Kafka does not take
	 * it in time.
	 */
	void store(String key, byte[] body, Instant receivedAt) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(this.topic,
				(key != null) ? key.getBytes(StandardCharsets.UTF_8) : null, body);
		record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
		record.headers().add(RECEIVED_AT_HEADER, receivedAt.toString().getBytes(StandardCharsets.UTF_8));
		try {
			this.kafka.send(record).get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InboxUnavailableException(ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw new InboxUnavailableException(ex);
		}
	}

	/** Kafka did not take the webhook in time. */
	static class InboxUnavailableException extends RuntimeException {

		InboxUnavailableException(Throwable cause) {
			super("the webhook inbox is unavailable", cause);
		}

	}

}
