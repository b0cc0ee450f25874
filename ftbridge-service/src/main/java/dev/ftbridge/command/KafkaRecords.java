package dev.ftbridge.command;

import dev.ftbridge.contract.IncomingRecord;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Converts Kafka's records into {@link IncomingRecord}s. */
final class KafkaRecords {

	private KafkaRecords() {
	}

	static IncomingRecord incoming(ConsumerRecord<byte[], byte[]> record) {
		List<IncomingRecord.Header> headers = new ArrayList<>();
		for (Header header : record.headers()) {
			headers.add(new IncomingRecord.Header(header.key(), header.value()));
		}
		return new IncomingRecord(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(),
				record.value(), headers);
	}

}
