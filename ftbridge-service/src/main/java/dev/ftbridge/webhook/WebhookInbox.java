package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * The durable inbox: writes a verified webhook body, unchanged, to the webhooks topic and
 * returns only once the broker has it ({@code acks=all}). A webhook of an account other
 * than {@code default} carries its account in {@link #ACCOUNT_HEADER}; no header means
 * {@code default}, as for every webhook stored before accounts.
 */
class WebhookInbox {

	static final String RECEIVED_AT_HEADER = "ftbridge_received_at";

	static final String ACCOUNT_HEADER = "ftbridge_account";

	private static final byte[] CONTENT_TYPE = "application/json".getBytes(StandardCharsets.US_ASCII);

	private final KafkaTemplate<byte[], byte[]> kafka;

	private final String topic;

	private final Duration timeout;

	WebhookInbox(KafkaTemplate<byte[], byte[]> kafka, String topic, Duration timeout) {
		this.kafka = kafka;
		this.topic = topic;
		this.timeout = timeout;
	}

	/**
	 * Stores the body without holding the calling thread: the stage completes once the
	 * broker has it, or exceptionally with {@link InboxUnavailableException} when Kafka
	 * does not take it in time.
	 * @param account the {@link #ACCOUNT_HEADER} value, or null for {@code default}
	 */
	CompletableFuture<Void> store(String key, byte[] body, Instant receivedAt, byte[] account) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(this.topic,
				(key != null) ? key.getBytes(StandardCharsets.UTF_8) : null, body);
		record.headers().add("content-type", CONTENT_TYPE);
		record.headers().add(RECEIVED_AT_HEADER, receivedAt.toString().getBytes(StandardCharsets.US_ASCII));
		if (account != null) {
			record.headers().add(ACCOUNT_HEADER, account);
		}
		CompletableFuture<?> sent;
		try {
			sent = this.kafka.send(record);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(new InboxUnavailableException(ex));
		}
		return sent.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS).handle((result, failure) -> {
			if (failure != null) {
				throw new InboxUnavailableException(
						(failure instanceof CompletionException) ? failure.getCause() : failure);
			}
			return null;
		});
	}

	/** Kafka did not take the webhook in time. */
	static class InboxUnavailableException extends RuntimeException {

		InboxUnavailableException(Throwable cause) {
			super("the webhook inbox is unavailable", cause);
		}

	}

}
