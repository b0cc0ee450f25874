package dev.ftbridge.events;

import java.time.Instant;

/**
 * A connection's status as the bridge saw it (published as
 * {@code fivetran.connection.status.observed}).
 *
 * @param connectionId the connection
 * @param source where the status came from: {@code poll}, {@code webhook} or
 * {@code command}
 * @param observedAt when the bridge saw it
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
 */
public record ConnectionStatusObserved(String connectionId, String source, Instant observedAt, String groupId,
		String service, String schema, Boolean paused, String scheduleType, Integer syncFrequency, String setupState,
		String syncState, String updateState, Boolean isHistoricalSync, String rescheduledFor, String succeededAt,
		String failedAt, String commandId) {

	/** The CloudEvent type of a connection status. */
	public static final String TYPE = "fivetran.connection.status.observed";

}
