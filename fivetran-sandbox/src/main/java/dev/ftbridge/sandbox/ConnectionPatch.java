package dev.ftbridge.sandbox;

import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schedule and status fields of a connection create or update, validated as a whole
 * before any is applied, so a 400 changes nothing.
 */
record ConnectionPatch(Boolean paused, Integer syncFrequency, String scheduleType, String dailySyncTime,
		Boolean pauseAfterTrial, String dataDelaySensitivity, Boolean historicalSync) {

	private static final Set<Integer> FREQUENCIES = Set.of(1, 5, 15, 30, 60, 120, 180, 360, 480, 720, 1440);

	private static final Set<String> SCHEDULE_TYPES = Set.of("auto", "manual");

	private static final Set<String> SENSITIVITIES = Set.of("LOW", "NORMAL", "HIGH", "CUSTOM", "SYNC_FREQUENCY");

	private static final Pattern DAILY_TIME = Pattern.compile("([01][0-9]|2[0-3]):00");

	static ConnectionPatch parse(ObjectNode body) {
		return new ConnectionPatch(bool(body, "paused"), frequency(body), oneOf(body, "schedule_type", SCHEDULE_TYPES),
				dailySyncTime(body), bool(body, "pause_after_trial"),
				oneOf(body, "data_delay_sensitivity", SENSITIVITIES), bool(body, "is_historical_sync"));
	}

	/** Whether it sets anything other than {@code paused}: an edit, not just a pause. */
	boolean changesMoreThanPaused() {
		return this.syncFrequency != null || this.scheduleType != null || this.dailySyncTime != null
				|| this.pauseAfterTrial != null || this.dataDelaySensitivity != null || this.historicalSync != null;
	}

	void applyTo(SandboxConnection connection) {
		if (this.paused != null) {
			connection.paused = this.paused;
		}
		if (this.syncFrequency != null) {
			connection.syncFrequency = this.syncFrequency;
		}
		if (this.scheduleType != null) {
			connection.scheduleType = this.scheduleType;
		}
		if (this.dailySyncTime != null) {
			connection.dailySyncTime = this.dailySyncTime;
		}
		if (this.pauseAfterTrial != null) {
			connection.pauseAfterTrial = this.pauseAfterTrial;
		}
		if (this.dataDelaySensitivity != null) {
			connection.dataDelaySensitivity = this.dataDelaySensitivity;
		}
		if (this.historicalSync != null) {
			connection.historicalSync = this.historicalSync;
		}
	}

	private static Boolean bool(ObjectNode body, String field) {
		return body.has(field) ? Json.optionalBoolean(body, field, false) : null;
	}

	private static Integer frequency(ObjectNode body) {
		JsonNode value = body.get("sync_frequency");
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.canConvertToInt() || !value.isIntegralNumber() || !FREQUENCIES.contains(value.asInt())) {
			throw ApiException.invalidInput("Field 'sync_frequency' must be one of " + FREQUENCIES);
		}
		return value.asInt();
	}

	private static String oneOf(ObjectNode body, String field, Set<String> allowed) {
		String value = Json.optionalText(body, field);
		if (value != null && !allowed.contains(value)) {
			throw ApiException.invalidInput("Field '" + field + "' must be one of " + allowed);
		}
		return value;
	}

	private static String dailySyncTime(ObjectNode body) {
		String value = Json.optionalText(body, "daily_sync_time");
		if (value != null && !DAILY_TIME.matcher(value).matches()) {
			throw ApiException.invalidInput("Field 'daily_sync_time' must be a whole hour such as '03:00'");
		}
		return value;
	}

}
