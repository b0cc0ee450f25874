package dev.ftbridge.contract;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a command the way the bridge will when it arrives — the CloudEvent envelope, the
 * type and the JSON Schema of its {@code data} — so that a publisher (the command-line
 * tool) can check commands before it sends them.
 */
public final class CommandValidator {

	/** The bridge's default {@code ftbridge.command.max-command-bytes}. */
	private static final int MAX_COMMAND_BYTES = 1024 * 1024;

	private final CommandReader reader;

	public CommandValidator() {
		this.reader = new CommandReader(new CommandSchemas(), MAX_COMMAND_BYTES, Clock.systemUTC());
	}

	/**
	 * The command the bridge would read from a structured-mode record, or why it would
	 * reject it.
	 * @param key the record key, or {@code null} to let the bridge use the resource id
	 * (the command's {@link Command#key()} then says which it is)
	 * @param value the CloudEvent as JSON
	 * @return the command, or the rejection
	 */
	public ReadResult read(String key, byte[] value) {
		byte[] keyBytes = (key != null) ? key.getBytes(StandardCharsets.UTF_8) : null;
		return read(keyBytes, value, List.of());
	}

	/**
	 * The same for a record as it is in Kafka, structured or binary mode.
	 * @param key the record key bytes, or {@code null}
	 * @param value the record value
	 * @param headers the record headers ({@code ce_*} for binary mode)
	 * @return the command, or the rejection
	 */
	public ReadResult read(byte[] key, byte[] value, List<IncomingRecord.Header> headers) {
		return this.reader.read(new IncomingRecord("", 0, 0, 0, key, value, headers));
	}

}
