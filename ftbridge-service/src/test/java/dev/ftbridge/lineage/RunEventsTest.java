package dev.ftbridge.lineage;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RunEventsTest {

	private final RunEvents events = new RunEvents(
			new LineageProperties(true, "fivetran", "urn:ftbridge:lineage", null, Duration.ofSeconds(5), "g"));

	private final ConnectionSchema schema = ConnectionSchema.of(JsonMapper.builder().build().readTree("""
			{"schemas": {"public": {"name_in_destination": "pg_public", "enabled": true, "tables": {
			  "orders": {"name_in_destination": "orders", "enabled": true},
			  "customers": {"name_in_destination": "clients", "enabled": true},
			  "audit": {"name_in_destination": "audit", "enabled": false}}}}}
			"""));

	@Test
	void aSyncEndNamesTheEnabledTablesInSourceAndDestination() {
		JsonNode end = this.events.event("FAIL", Instant.parse("2026-12-05T06:00:00Z"), "c1", "sync:c1:s1", this.schema,
				"fivetran://connection/c1", "fivetran://group/g1", "FAILURE_WITH_TASK", "expired");
		OpenLineageSchema.assertValid(end);
		assertThat(end.path("inputs").findValuesAsString("name")).containsExactly("public.customers", "public.orders");
		assertThat(end.path("outputs").findValuesAsString("name")).containsExactly("pg_public.clients",
				"pg_public.orders");
		assertThat(end.path("run").path("facets").path("fivetran_run").path("reason").asString()).isEqualTo("expired");
	}

	@Test
	void startAndEndOfOneSyncShareTheRunId() {
		JsonNode start = this.events.event("START", Instant.now(), "c1", "sync:c1:s1", this.schema, "a", "b", null,
				null);
		JsonNode end = this.events.event("COMPLETE", Instant.now(), "c1", "sync:c1:s1", this.schema, "a", "b",
				"SUCCESSFUL", null);
		JsonNode other = this.events.event("START", Instant.now(), "c1", "sync:c1:s2", this.schema, "a", "b", null,
				null);
		OpenLineageSchema.assertValid(start);
		assertThat(start.path("run").path("runId")).isEqualTo(end.path("run").path("runId"))
			.isNotEqualTo(other.path("run").path("runId"));
	}

}
