package dev.ftbridge.command;

import dev.ftbridge.contract.IncomingRecord;
import dev.ftbridge.contract.Rejection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

import dev.ftbridge.kafka.Sends;

/**
 * Writes poison records to the command dead-letter topic: the original key, value and
 * headers, plus {@code ftbridge_dlt_reason} / {@code ftbridge_dlt_detail} and Spring
 * Kafka's {@code kafka_dlt-original-*} headers, in the same partition as the original.
 * <p>
 * Not Spring Kafka's {@code DeadLetterPublishingRecoverer}: the command path is a poll
 * loop of its own, not a listener container, and hands a Kafka-free
 * {@link IncomingRecord}; a record whose copy the broker refused needs a letter without
 * its content; and the recoverer's exception headers (message, stack trace) would write
 * the bridge's internals into a topic other teams read.
 */
class KafkaDeadLetters implements DeadLetters {

	static final String REASON_HEADER = "ftbridge_dlt_reason";

	static final String DETAIL_HEADER = "ftbridge_dlt_detail";

	/**
	 * On a dead letter whose copy of the record the broker refused: what was left out.
	 */
	static final String OMITTED_HEADER = "ftbridge_dlt_omitted";

	private final KafkaTemplate<byte[], byte[]> kafka;

	private final String topic;

	private final Duration timeout;

	KafkaDeadLetters(KafkaTemplate<byte[], byte[]> kafka, String topic, Duration timeout) {
		this.kafka = kafka;
		this.topic = topic;
		this.timeout = timeout;
	}

	@Override
	public void deadLetter(IncomingRecord record, Rejection rejection) {
		ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(this.topic, record.partition(), record.key(),
				record.value());
		record.headers().forEach((header) -> letter.headers().add(header.name(), header.value()));
		send(letter, record, rejection);
	}

	@Override
	public void deadLetterWithoutContent(IncomingRecord record, Rejection rejection, String why) {
		ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(this.topic, record.partition(), null, null);
		letter.headers().add(OMITTED_HEADER, utf8("key, value and headers: " + why));
		send(letter, record, rejection);
	}

	private void send(ProducerRecord<byte[], byte[]> letter, IncomingRecord record, Rejection rejection) {
		Headers headers = letter.headers();
		headers.add(REASON_HEADER, utf8(rejection.reason().name()));
		headers.add(DETAIL_HEADER, utf8(rejection.detail()));
		headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(record.topic()));
		headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, utf8(Integer.toString(record.partition())));
		headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, utf8(Long.toString(record.offset())));
		headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, utf8(Long.toString(record.timestamp())));
		Sends.await(this.kafka, letter, this.timeout);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
