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
 */
public record Command(String id, CommandType type, String source, String key, ObjectNode data, Instant receivedAt) {

	/**
	 * Whether running it twice would repeat a costly effect — a second connection, group,
	 * destination, user invitation, team or webhook, a second historical resync, a
	 * restarted sync, a second transformation run — or misreport one: a delete run again
	 * after it landed would be answered 404 and reported FAILED.
	 */
	public boolean costlyToRepeat() {
		return switch (this.type) {
			case CONNECTION_CREATE, CONNECTION_RESYNC, CONNECTION_TABLES_RESYNC, TRANSFORMATION_RUN, GROUP_CREATE,
					DESTINATION_CREATE, USER_CREATE, TEAM_CREATE, WEBHOOK_CREATE, CONNECTION_DELETE ->
				true;
			case CONNECTION_SYNC -> this.data.path("force").asBoolean(false);
			default -> false;
		};
	}

	/** A text field of {@code data}, or {@code null}. */
	public String text(String field) {
		return this.data.path(field).asString(null);
	}

}
