package dev.ftbridge.sandbox;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/**
 * Something that happened in the sandbox account, named like the Fivetran webhook event
 * it would trigger ({@code sync_start}, {@code sync_end}, {@code create_connector}, …),
 * with the fields a webhook payload needs (https://fivetran.com/docs/rest-api/webhooks).
 *
 * @param type the webhook event type
 * @param created when it happened, in sandbox time
 * @param connectionId the connection ({@code connector_id}), or null
 * @param connectionType the service ({@code connector_type}), or null
 * @param connectionName the schema name ({@code connector_name}), or null
 * @param groupId the group ({@code destination_group_id}), or null
 * @param syncId the sync, for {@code sync_start}/{@code sync_end}; else null
 * @param transformationId the transformation, for transformation events; else null
 * @param data the event-specific {@code data} (e.g. {@code {"status":"SUCCESSFUL"}})
 */
public record SandboxEvent(String type, Instant created, String connectionId, String connectionType,
		String connectionName, String groupId, String syncId, String transformationId, ObjectNode data) {

	public static final String SYNC_START = "sync_start";

	public static final String SYNC_END = "sync_end";

	public static final String CREATE_CONNECTOR = "create_connector";

	public static final String EDIT_CONNECTOR = "edit_connector";

	public static final String PAUSE_CONNECTOR = "pause_connector";

	public static final String RESUME_CONNECTOR = "resume_connector";

	public static final String DELETE_CONNECTOR = "delete_connector";

	public static final String FORCE_UPDATE_CONNECTOR = "force_update_connector";

	public static final String RESYNC_CONNECTOR = "resync_connector";

	public static final String RESYNC_TABLE = "resync_table";

	public static final String CONNECTION_SUCCESSFUL = "connection_successful";

	public static final String CONNECTION_FAILURE = "connection_failure";

	// The transformation event names are UNCONFIRMED: Fivetran's webhook page
	// (https://fivetran.com/docs/rest-api/webhooks) documents transformation_run_* and
	// marks them deprecated; the new Transformation API may send
	// transformation_start|succeeded|failed. Change them here and nowhere else.

	public static final String TRANSFORMATION_RUN_START = "transformation_run_start";

	public static final String TRANSFORMATION_RUN_SUCCEEDED = "transformation_run_succeeded";

	public static final String TRANSFORMATION_RUN_FAILED = "transformation_run_failed";

	public SandboxEvent {
		data = (data != null) ? data.deepCopy() : Json.object();
	}

	/** The copy of {@code data} (events are shared between listeners). */
	@Override
	public ObjectNode data() {
		return this.data.deepCopy();
	}

	static SandboxEvent about(String type, Instant created, SandboxConnection connection, ObjectNode data) {
		String syncId = (SYNC_START.equals(type) || SYNC_END.equals(type)) ? connection.syncId : null;
		return new SandboxEvent(type, created, connection.id, connection.service, connection.schema, connection.groupId,
				syncId, null, data);
	}

	static SandboxEvent aboutTransformation(String type, Instant created, String transformationId, ObjectNode data) {
		return new SandboxEvent(type, created, null, null, null, null, null, transformationId, data);
	}

}
