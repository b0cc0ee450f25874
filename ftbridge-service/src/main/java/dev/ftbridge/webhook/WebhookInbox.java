package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;

import dev.ftbridge.kafka.KafkaSendException;
import dev.ftbridge.kafka.Sends;

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
			Sends.await(this.kafka, record, this.timeout);
		}
		catch (KafkaSendException ex) {
			// what the broker or the producer said, not the wait's own wrapper
			throw new InboxUnavailableException((ex.getCause() != null) ? ex.getCause() : ex);
		}
		catch (RuntimeException ex) {
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
