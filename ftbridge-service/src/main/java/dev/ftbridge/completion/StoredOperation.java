package dev.ftbridge.completion;

/**
 * One record of the pending-operations topic, as read back.
 *
 * @param key the record key ({@code resource/command})
 * @param value the record value, or null for a tombstone
 */
public record StoredOperation(String key, byte[] value) {

	/** Whether the value is a tombstone or an operation this version can read. */
	public boolean readable() {
		return this.value == null || OperationRecords.decode(this.value) != null;
	}

}
