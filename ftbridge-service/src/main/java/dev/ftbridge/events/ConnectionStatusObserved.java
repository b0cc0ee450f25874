package dev.ftbridge.events;

import java.time.Instant;

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
 * @param account the Fivetran account the status came from ({@code default} for the
 * single-account settings); null, and absent from the event, where it is not known
 */
public record ConnectionStatusObserved(String connectionId, String source, Instant observedAt, String groupId,
		String service, String schema, Boolean paused, String scheduleType, Integer syncFrequency, String setupState,
		String syncState, String updateState, Boolean isHistoricalSync, String rescheduledFor, String succeededAt,
		String failedAt, String commandId, String event, String syncId, String syncStatus, String reason,
		String taskType, String account) {

	/** The CloudEvent type of a connection status. */
	public static final String TYPE = "fivetran.connection.status.observed";

	/** A status read from connection details, with no webhook fields. */
	public ConnectionStatusObserved(String connectionId, String source, Instant observedAt, String groupId,
			String service, String schema, Boolean paused, String scheduleType, Integer syncFrequency,
			String setupState, String syncState, String updateState, Boolean isHistoricalSync, String rescheduledFor,
			String succeededAt, String failedAt, String commandId) {
		this(connectionId, source, observedAt, groupId, service, schema, paused, scheduleType, syncFrequency,
				setupState, syncState, updateState, isHistoricalSync, rescheduledFor, succeededAt, failedAt, commandId,
				null, null, null, null, null, null);
	}

	/** The same status, learned from a webhook event. */
	public ConnectionStatusObserved withEvent(String event, String syncId, String syncStatus, String reason,
			String taskType) {
		return new ConnectionStatusObserved(this.connectionId, this.source, this.observedAt, this.groupId, this.service,
				this.schema, this.paused, this.scheduleType, this.syncFrequency, this.setupState, this.syncState,
				this.updateState, this.isHistoricalSync, this.rescheduledFor, this.succeededAt, this.failedAt,
				this.commandId, event, syncId, syncStatus, reason, taskType, this.account);
	}

	/** The same status, from a Fivetran account. */
	public ConnectionStatusObserved withAccount(String account) {
		return new ConnectionStatusObserved(this.connectionId, this.source, this.observedAt, this.groupId, this.service,
				this.schema, this.paused, this.scheduleType, this.syncFrequency, this.setupState, this.syncState,
				this.updateState, this.isHistoricalSync, this.rescheduledFor, this.succeededAt, this.failedAt,
				this.commandId, this.event, this.syncId, this.syncStatus, this.reason, this.taskType, account);
	}

}
