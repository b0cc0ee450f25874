package dev.ftbridge.sandbox;

import java.time.Instant;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A group's destination (its id is the group's). Mutable; touched only while
 * {@link SandboxState} is locked.
 */
final class SandboxDestination {

	final String groupId;

	final String service;

	final String region;

	final String timeZoneOffset;

	final ObjectNode config;

	final Instant createdAt;

	String setupStatus = "INCOMPLETE";

	ArrayNode setupTests = Json.array();

	final SetupTests.Approvals approvals = new SetupTests.Approvals();

	SandboxDestination(String groupId, String service, String region, String timeZoneOffset, ObjectNode config,
			Instant createdAt) {
		this.groupId = groupId;
		this.service = service;
		this.region = region;
		this.timeZoneOffset = timeZoneOffset;
		this.config = config;
		this.createdAt = createdAt;
	}

	void runSetupTests(SetupTests.Trust trust, String now) {
		SetupTests.Outcome outcome = SetupTests.run(this.config, this.approvals, trust, now);
		this.setupTests = outcome.tests;
		this.setupStatus = outcome.passed ? "CONNECTED" : "BROKEN";
	}

	/** As {@code GET /v1/destinations/{id}} shows it, secret-looking config masked. */
	ObjectNode toJson() {
		ObjectNode json = Json.object()
			.put("id", this.groupId)
			.put("group_id", this.groupId)
			.put("service", this.service)
			.put("region", this.region)
			.put("time_zone_offset", this.timeZoneOffset)
			.put("setup_status", this.setupStatus)
			.put("daylight_saving_time_enabled", false)
			.put("networking_method", "Directly");
		json.set("setup_tests", this.setupTests.deepCopy());
		json.set("config", Json.masked(this.config));
		return json;
	}

}
