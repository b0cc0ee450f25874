package dev.ftbridge.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;

/**
 * A connection's status as the bridge saw it (published as
 * {@code fivetran.connection.status.observed}).
 *
 * @param connectionId the connection
 * @param source where the status came from: {@code poll}, {@code webhook} or
 * {@code command}
 * @param observedAt when the bridge saw it (for a webhook: the webhook's {@code created})
 * @param groupId the group
 * @param service the connector type
 * @param schema the destination schema name
 * @param paused whether the connection is paused
 * @param scheduleType {@code auto} or {@code manual}
 * @param syncFrequency minutes between syncs
 * @param setupState {@code incomplete}, {@code connected} or {@code broken}
 * @param syncState {@code scheduled}, {@code syncing}, {@code paused} or
 * {@code rescheduled}
 * @param updateState {@code on_schedule} or {@code delayed}
 * @param isHistoricalSync whether the next sync is historical
 * @param rescheduledFor when a rescheduled sync is due
 * @param succeededAt the last successful sync
 * @param failedAt the last failed sync
 * @param commandId the command that asked for this status, if any
 * @param event the webhook event it came from ({@code sync_start}, {@code sync_end},
 * {@code pause_connector}, …)
 * @param syncId Fivetran's sync id, for sync events
 * @param syncStatus how a sync ended: {@code SUCCESSFUL}, {@code FAILURE_WITH_TASK},
 * {@code FAILED} or {@code RESCHEDULED}
 * @param reason Fivetran's reason for a failed or rescheduled sync
 * @param taskType the task Fivetran asks a person to do, for {@code FAILURE_WITH_TASK}
 */
public record ConnectionStatusObserved(String connectionId, String source, Instant observedAt, String groupId,
		String service, String schema, Boolean paused, String scheduleType, Integer syncFrequency, String setupState,
		String syncState, String updateState, Boolean isHistoricalSync, String rescheduledFor, String succeededAt,
		String failedAt, String commandId, String event, String syncId, String syncStatus, String reason,
		String taskType) {

	/** The CloudEvent type of a connection status. */
	public static final String TYPE = "fivetran.connection.status.observed";

	/** A status read from connection details, with no webhook fields. */
	public ConnectionStatusObserved(String connectionId, String source, Instant observedAt, String groupId,
			String service, String schema, Boolean paused, String scheduleType, Integer syncFrequency,
			String setupState, String syncState, String updateState, Boolean isHistoricalSync, String rescheduledFor,
			String succeededAt, String failedAt, String commandId) {
		this(connectionId, source, observedAt, groupId, service, schema, paused, scheduleType, syncFrequency,
				setupState, syncState, updateState, isHistoricalSync, rescheduledFor, succeededAt, failedAt, commandId,
				null, null, null, null, null);
	}

	/** The same status, learned from a webhook event. */
	public ConnectionStatusObserved withEvent(String event, String syncId, String syncStatus, String reason,
			String taskType) {
		return new ConnectionStatusObserved(this.connectionId, this.source, this.observedAt, this.groupId, this.service,
				this.schema, this.paused, this.scheduleType, this.syncFrequency, this.setupState, this.syncState,
				this.updateState, this.isHistoricalSync, this.rescheduledFor, this.succeededAt, this.failedAt,
				this.commandId, event, syncId, syncStatus, reason, taskType);
	}

	/**
	 * A connection's status as Fivetran's connection details show it ({@code GET
	 * /v1/connections/{id}} or an item of a connection list).
	 */
	public static ConnectionStatusObserved fromDetails(String connectionId, JsonNode details, String source,
			String commandId, Instant observedAt) {
		JsonNode status = details.path("status");
		JsonNode frequency = details.path("sync_frequency");
		return new ConnectionStatusObserved(connectionId, source, observedAt, text(details, "group_id"),
				text(details, "service"), text(details, "schema"), bool(details, "paused"),
				text(details, "schedule_type"), frequency.canConvertToInt() ? frequency.asInt() : null,
				text(status, "setup_state"), text(status, "sync_state"), text(status, "update_state"),
				bool(status, "is_historical_sync"), time(status, "rescheduled_for"), time(details, "succeeded_at"),
				time(details, "failed_at"), commandId);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isString() && !value.asString().isEmpty()) ? value.asString() : null;
	}

	/**
	 * A timestamp in ISO-8601 UTC form, or null when Fivetran's is missing or unreadable.
	 */
	private static String time(JsonNode node, String field) {
		String text = text(node, field);
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant().toString();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Boolean bool(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isBoolean() ? value.asBoolean() : null;
	}

}
