package dev.ftbridge.contract;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A record from the command topic, as bytes, without Kafka types.
 *
 * @param topic the topic
 * @param partition the partition
 * @param offset the offset
 * @param timestamp the record timestamp (ms)
 * @param key the key bytes, or {@code null}
 * @param value the value bytes, or {@code null}
 * @param headers the headers, in order
 */
public record IncomingRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
		List<Header> headers) {

	public IncomingRecord {
		headers = List.copyOf(headers);
	}

	/** The last header of that name as UTF-8 text (case-insensitive), or {@code null}. */
	public String header(String name) {
		String found = null;
		for (Header header : this.headers) {
			if (header.name().equalsIgnoreCase(name) && header.value() != null) {
				found = new String(header.value(), StandardCharsets.UTF_8);
			}
		}
		return found;
	}

	/** The key as UTF-8 text, or {@code null} when there is none. */
	public String keyText() {
		return (this.key != null && this.key.length > 0) ? new String(this.key, StandardCharsets.UTF_8) : null;
	}

	/**
	 * One record header.
	 *
	 * @param name the header name
	 * @param value the raw value
	 */
	public record Header(String name, byte[] value) {

	}

}
