package dev.ftbridge.cli;

import tools.jackson.databind.JsonNode;

/**
 * One connection's latest state, as {@code status} shows it.
 *
 * @param connection the connection id
 * @param group the group id
 * @param service the connector type
 * @param setupState {@code incomplete}, {@code connected} or {@code broken}
 * @param syncState {@code scheduled}, {@code syncing}, {@code paused} or
 * {@code rescheduled}
 * @param paused whether it is paused
 * @param syncStart when the last sync started (a {@code sync_start} event the topic still
 * holds), or {@code null}
 * @param syncEnd when the last sync ended ({@code sync_end}, else the later of
 * {@code succeeded_at} and {@code failed_at}), or {@code null}
 * @param failure the last failure: {@code failed_at} and, when known, the reason, or
 * {@code null}
 * @param failing whether it is broken or its last sync failed
 */
record ConnectionRow(String connection, String group, String service, String setupState, String syncState,
		Boolean paused, String syncStart, String syncEnd, String failure, boolean failing) {

	static final String[] HEADINGS = { "CONNECTION", "GROUP", "SERVICE", "SETUP", "SYNC", "PAUSED", "SYNC START",
			"SYNC END", "LAST FAILURE" };

	/** The row a status event makes, given the row it replaces (or {@code null}). */
	static ConnectionRow of(JsonNode data, ConnectionRow before) {
		String event = text(data, "event");
		String observed = text(data, "observed_at");
		String succeeded = text(data, "succeeded_at");
		String failed = text(data, "failed_at");
		String syncStart = "sync_start".equals(event) ? observed : (before != null) ? before.syncStart : null;
		String syncEnd = "sync_end".equals(event) ? observed : later(succeeded, failed);
		if (syncEnd == null && before != null) {
			syncEnd = before.syncEnd;
		}
		String syncStatus = text(data, "sync_status");
		boolean failedSync = "sync_end".equals(event) && syncStatus != null && syncStatus.startsWith("FAIL");
		String failure = failed;
		if (failedSync && text(data, "reason") != null) {
			failure = ((failed != null) ? failed : observed) + " " + text(data, "reason");
		}
		else if (before != null && before.failure != null && (failed == null || before.failure.startsWith(failed))) {
			// the reason outlives later statuses of the same failure, and statuses that
			// say nothing of failures (a webhook's sync_start)
			failure = before.failure;
		}
		// a webhook's status names less than a poll's (no setup state, no paused): what
		// it
		// leaves out is what the connection had
		boolean known = before != null;
		String setupState = or(text(data, "setup_state"), known ? before.setupState : null);
		boolean failing = "broken".equals(setupState) || failedSync
				|| (failed != null && (succeeded == null || failed.compareTo(succeeded) > 0));
		return new ConnectionRow(text(data, "connection_id"), or(text(data, "group_id"), known ? before.group : null),
				or(text(data, "service"), known ? before.service : null), setupState,
				or(text(data, "sync_state"), known ? before.syncState : null), paused(data, before), syncStart, syncEnd,
				failure, failing);
	}

	String[] cells() {
		return new String[] { this.connection, this.group, this.service, this.setupState, this.syncState,
				(this.paused != null) ? this.paused.toString() : null, this.syncStart, this.syncEnd, this.failure };
	}

	/**
	 * Paused as the status says, else as its sync state says (Fivetran's sync state is
	 * {@code paused} exactly when the connection is), else as it was.
	 */
	private static Boolean paused(JsonNode data, ConnectionRow before) {
		JsonNode paused = data.get("paused");
		if (paused != null && paused.isBoolean()) {
			return paused.asBoolean();
		}
		String syncState = text(data, "sync_state");
		if (syncState != null) {
			return "paused".equals(syncState);
		}
		return (before != null) ? before.paused : null;
	}

	private static String or(String value, String otherwise) {
		return (value != null) ? value : otherwise;
	}

	private static String later(String a, String b) {
		if (a == null || b == null) {
			return (a != null) ? a : b;
		}
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}
