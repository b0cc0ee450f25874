package dev.ftbridge.contract;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/**
 * A command read from Kafka and validated against the schema of its type.
 *
 * @param id the CloudEvent id, the command's idempotency key
 * @param type what to do
 * @param source the CloudEvent source (who asked)
 * @param key the record key, or the resource id when the record had none
 * @param data the validated {@code data}, in Fivetran's field names
 * @param receivedAt when the bridge read it
 * @param account the Fivetran account it runs against (its {@code fivetranaccount}
 * attribute; {@link AccountName#DEFAULT} when it has none)
 */
public record Command(String id, CommandType type, String source, String key, ObjectNode data, Instant receivedAt,
		String account) {

	public Command {
		account = (account != null) ? account : AccountName.DEFAULT;
	}

	/** A command for the default account. */
	public Command(String id, CommandType type, String source, String key, ObjectNode data, Instant receivedAt) {
		this(id, type, source, key, data, receivedAt, AccountName.DEFAULT);
	}

	/** A text field of {@code data}, or {@code null}. */
	public String text(String field) {
		return this.data.path(field).asString(null);
	}

}
