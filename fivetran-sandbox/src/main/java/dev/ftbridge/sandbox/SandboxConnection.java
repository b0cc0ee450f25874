package dev.ftbridge.sandbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One connection's state. Mutable; touched only while {@link SandboxState} is locked.
 */
final class SandboxConnection {

	/**
	 * Set {@code "sandbox_setup": "fail"} (or {@code untrusted_certificate},
	 * {@code untrusted_fingerprint}) in a connection's config to fail its setup tests.
	 */
	static final String SETUP_HOOK = SetupTests.HOOK;

	final String id;

	final String groupId;

	final String service;

	final String schema;

	final Instant createdAt;

	ObjectNode config;

	boolean paused;

	String scheduleType = "auto";

	int syncFrequency = 360;

	String dailySyncTime;

	boolean pauseAfterTrial;

	String dataDelaySensitivity = "NORMAL";

	String setupState = "incomplete";

	boolean syncing;

	boolean historicalSync = true;

	Instant rescheduledFor;

	Instant succeededAt;

	Instant failedAt;

	/** The tasks of the setup tests. */
	ArrayNode tasks = Json.array();

	/** The tasks of failed syncs ({@code FAILURE_WITH_TASK}), until a sync succeeds. */
	ArrayNode syncTasks = Json.array();

	ArrayNode warnings = Json.array();

	ArrayNode setupTests = Json.array();

	ObjectNode schemaConfig = SchemaConfigs.defaultConfig();

	/**
	 * Columns the source has beyond those the schema config lists, by
	 * {@code schema/table}: served by the columns endpoint only.
	 */
	final Map<String, ObjectNode> sourceColumns = new HashMap<>();

	/** Approved certificates and fingerprints. */
	final SetupTests.Approvals approvals = new SetupTests.Approvals();

	/** Bumped whenever a sync starts, so a superseded sync's completion is ignored. */
	long syncGeneration;

	/** The id of the running (or last) sync, for {@code sync_start}/{@code sync_end}. */
	String syncId;

	/** How the next syncs end, next first ({@link SyncScript}). */
	final Deque<SyncScript> scripts = new ArrayDeque<>();

	SandboxConnection(String id, String groupId, String service, String schema, ObjectNode config, Instant createdAt) {
		this.id = id;
		this.groupId = groupId;
		this.service = service;
		this.schema = schema;
		this.config = config;
		this.createdAt = createdAt;
	}

	/**
	 * The timestamp for a sync outcome happening now: at millisecond precision (as the
	 * API shows it) and strictly after the last {@code succeeded_at} and
	 * {@code failed_at}, so a client that compares them always sees the newest outcome as
	 * the newest.
	 */
	Instant outcomeTime(Instant now) {
		Instant time = now.truncatedTo(ChronoUnit.MILLIS);
		for (Instant previous : new Instant[] { this.succeededAt, this.failedAt }) {
			if (previous != null && !time.isAfter(previous)) {
				time = previous.plusMillis(1);
			}
		}
		return time;
	}

	/** Every task: the setup tests' and the failed syncs'. */
	ArrayNode allTasks() {
		ArrayNode all = this.tasks.deepCopy();
		all.addAll(this.syncTasks.deepCopy());
		return all;
	}

	/** {@code status.sync_state}. */
	String syncState() {
		if (this.paused) {
			return "paused";
		}
		if (this.syncing) {
			return "syncing";
		}
		return (this.rescheduledFor != null) ? "rescheduled" : "scheduled";
	}

	/** Runs the setup tests without trust options; returns whether they passed. */
	boolean runSetupTests() {
		return runSetupTests(SetupTests.Trust.NONE, null);
	}

	/**
	 * Runs the setup tests against the current config (scripted through
	 * {@value #SETUP_HOOK}, see {@link SetupTests}). Returns whether they passed.
	 */
	boolean runSetupTests(SetupTests.Trust trust, String now) {
		SetupTests.Outcome outcome = SetupTests.run(this.config, this.approvals, trust, now);
		this.setupTests = outcome.tests;
		this.setupState = outcome.passed ? "connected" : "broken";
		this.tasks = Json.array();
		if (!outcome.passed) {
			this.tasks.addObject()
				.put("code", "reconnect")
				.put("message", "Reconnect")
				.put("details", "The setup tests failed; fix the configuration and test again");
		}
		return outcome.passed;
	}

}
