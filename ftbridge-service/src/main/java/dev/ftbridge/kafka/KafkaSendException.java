package dev.ftbridge.kafka;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The broker did not acknowledge a record in time (or refused it); the caller must not
 * commit what it read.
 */
public class KafkaSendException extends RuntimeException {

	public KafkaSendException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Whether the broker (or the producer, before sending) refused this very record for
	 * good, so sending it again can never succeed: too large, malformed, or for a topic
	 * that cannot exist. Outages, timeouts and missing permissions are not: an operator
	 * can fix those, and then the same record goes through.
	 */
	public boolean refusedForGood() {
		return refusal() != null;
	}

	/** The producer error that refused the record for good, or {@code null}. */
	public Throwable refusal() {
		for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
					|| cause instanceof InvalidRecordException || cause instanceof InvalidTopicException
					|| cause instanceof SerializationException) {
				return cause;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
