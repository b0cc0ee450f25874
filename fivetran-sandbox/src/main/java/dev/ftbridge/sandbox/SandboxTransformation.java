package dev.ftbridge.sandbox;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/**
 * One transformation's state. Mutable; touched only while {@link SandboxState} is locked.
 */
final class SandboxTransformation {

	/**
	 * Set {@code "sandbox_run": "fail"} in the transformation_config to fail its runs, or
	 * {@code "hang"} to keep them running until cancelled.
	 */
	static final String RUN_HOOK = "sandbox_run";

	final String id;

	final String type;

	final Instant createdAt;

	final ObjectNode schedule;

	final ObjectNode config;

	boolean paused;

	String status = "NEW";

	Instant lastStartedAt;

	Instant lastEndedAt;

	/** Bumped whenever a run starts, so a superseded run's completion is ignored. */
	long runGeneration;

	SandboxTransformation(String id, String type, ObjectNode schedule, ObjectNode config, boolean paused,
			Instant createdAt) {
		this.id = id;
		this.type = type;
		this.schedule = schedule;
		this.config = config;
		this.paused = paused;
		this.createdAt = createdAt;
	}

	boolean scriptedToFail() {
		return "fail".equals(this.config.path(RUN_HOOK).asString(null));
	}

	boolean scriptedToHang() {
		return "hang".equals(this.config.path(RUN_HOOK).asString(null));
	}

	ObjectNode toJson() {
		ObjectNode json = Json.object()
			.put("id", this.id)
			.put("type", this.type)
			.put("status", this.status)
			.put("paused", this.paused)
			.put("created_at", Json.timestamp(this.createdAt))
			.put("created_by_id", "sandbox_user")
			.put("last_started_at", Json.timestamp(this.lastStartedAt))
			.put("last_ended_at", Json.timestamp(this.lastEndedAt));
		json.set("schedule", this.schedule.deepCopy());
		json.putArray("output_model_names");
		json.set("transformation_config", Json.masked(this.config));
		return json;
	}

}
