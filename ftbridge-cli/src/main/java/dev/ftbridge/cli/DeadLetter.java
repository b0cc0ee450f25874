package dev.ftbridge.cli;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import dev.ftbridge.contract.IncomingRecord;

/**
 * One record of the command dead-letter topic, with what the bridge wrote about it.
 *
 * @param partition the dead letter's partition
 * @param offset the dead letter's offset
 * @param timestamp when it was dead-lettered
 * @param key the original key, or {@code null}
 * @param value the original value, or {@code null}
 * @param headers every header, in order (the original ones and the bridge's)
 */
record DeadLetter(int partition, long offset, Instant timestamp, byte[] key, byte[] value,
		List<IncomingRecord.Header> headers) {

	static final String REASON = "ftbridge_dlt_reason";

	static final String DETAIL = "ftbridge_dlt_detail";

	static final String OMITTED = "ftbridge_dlt_omitted";

	static final String ORIGINAL_PREFIX = "kafka_dlt-original-";

	static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
		List<IncomingRecord.Header> headers = new ArrayList<>();
		for (Header header : record.headers()) {
			headers.add(new IncomingRecord.Header(header.key(), header.value()));
		}
		return new DeadLetter(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
				record.key(), record.value(), headers);
	}

	/** Where it is: {@code PARTITION:OFFSET}. */
	String ref() {
		return this.partition + ":" + this.offset;
	}

	/** The last header of that name as text, or {@code null}. */
	String header(String name) {
		String found = null;
		for (IncomingRecord.Header header : this.headers) {
			if (header.name().equalsIgnoreCase(name) && header.value() != null) {
				found = new String(header.value(), StandardCharsets.UTF_8);
			}
		}
		return found;
	}

	String reason() {
		String reason = header(REASON);
		return (reason != null) ? reason : "UNKNOWN";
	}

	String detail() {
		String detail = header(DETAIL);
		return (detail != null) ? detail : "";
	}

	/** Whether the bridge left the original key, value and headers out. */
	boolean omitted() {
		return header(OMITTED) != null;
	}

	/** The headers the original record had (none of the bridge's). */
	List<IncomingRecord.Header> originalHeaders() {
		return this.headers.stream()
			.filter((h) -> !h.name().startsWith("ftbridge_dlt_") && !h.name().startsWith(ORIGINAL_PREFIX)
					&& !h.name().startsWith(Replays.HEADER_PREFIX))
			.toList();
	}

	/** The value as a JSON object, or {@code null} when it is none. */
	JsonNode json() {
		if (this.value == null) {
			return null;
		}
		try {
			JsonNode node = JsonInput.JSON.readTree(this.value);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** The CloudEvent id (value or {@code ce_id} header), or {@code null}. */
	String id() {
		return attribute("id");
	}

	/** The CloudEvent type (value or {@code ce_type} header), or {@code null}. */
	String type() {
		return attribute("type");
	}

	/** The original key as text, or {@code null}. */
	String keyText() {
		return (this.key != null) ? new String(this.key, StandardCharsets.UTF_8) : null;
	}

	private String attribute(String name) {
		String binary = header("ce_" + name);
		if (binary != null) {
			return binary;
		}
		JsonNode json = json();
		JsonNode field = (json != null) ? json.get(name) : null;
		return (field != null && field.isString()) ? field.asString() : null;
	}

}
