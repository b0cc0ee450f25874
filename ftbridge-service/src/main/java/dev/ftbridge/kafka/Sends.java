package dev.ftbridge.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Send and wait for the broker's acknowledgement: the one way the bridge writes a record
 * it must not lose. The producer's own timeouts fit inside the wait
 * ({@link ProducerTimeouts}), so a record sent again after a failed wait has no first
 * copy still in flight.
 */
public final class Sends {

	private Sends() {
	}

	/**
	 * Sends the record and returns once the broker has acknowledged it.
	 * @throws KafkaSendException when it is not acknowledged within the timeout
	 */
	public static void await(KafkaTemplate<byte[], byte[]> kafka, ProducerRecord<byte[], byte[]> record,
			Duration timeout) {
		await(record.topic(), kafka.send(record), timeout);
	}

	/**
	 * Waits for a record already sent (so that several can be sent before any is
	 * awaited).
	 * @throws KafkaSendException when it is not acknowledged within the timeout
	 */
	public static void await(String topic, Future<?> sent, Duration timeout) {
		try {
			sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaSendException("interrupted while writing to " + topic, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new KafkaSendException("could not write to " + topic, ex);
		}
	}

}
