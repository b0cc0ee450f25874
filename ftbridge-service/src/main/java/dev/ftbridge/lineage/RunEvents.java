package dev.ftbridge.lineage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds OpenLineage run events (https://openlineage.io/spec/2-0-2/OpenLineage.json,
 * {@code RunEvent}): the connection or transformation is the job, a sync or run is the
 * run (its id derived from Fivetran's sync id, so START and its end share it), the
 * connection's enabled source tables are the inputs and their destination tables the
 * outputs.
 */
final class RunEvents {

	static final String SCHEMA_URL = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";

	/** The custom run facet that carries what Fivetran said of the run. */
	static final String FACET_SCHEMA_URL = "urn:ftbridge:openlineage:facets:fivetran_run";

	private final LineageProperties properties;

	RunEvents(LineageProperties properties) {
		this.properties = properties;
	}

	/**
	 * A run event.
	 * @param eventType START, COMPLETE, FAIL or OTHER
	 * @param jobName the connection or transformation id
	 * @param runKey what identifies the run (the same for its START and its end)
	 * @param schema the connection's schema config, or null (no datasets)
	 * @param sourceNamespace the namespace of the input datasets
	 * @param destinationNamespace the namespace of the output datasets
	 * @param status Fivetran's status of the run, or null
	 * @param reason Fivetran's reason for a failure, or null
	 */
	ObjectNode event(String eventType, Instant time, String jobName, String runKey, ConnectionSchema schema,
			String sourceNamespace, String destinationNamespace, String status, String reason) {
		ObjectNode event = JsonNodeFactory.instance.objectNode();
		event.put("eventType", eventType);
		event.put("eventTime", time.toString());
		event.put("producer", this.properties.producer());
		event.put("schemaURL", SCHEMA_URL);
		ObjectNode run = event.putObject("run");
		run.put("runId", runId(runKey).toString());
		if (status != null || reason != null) {
			ObjectNode facet = run.putObject("facets").putObject("fivetran_run");
			facet.put("_producer", this.properties.producer());
			facet.put("_schemaURL", FACET_SCHEMA_URL);
			facet.put("status", status);
			if (reason != null) {
				facet.put("reason", reason);
			}
		}
		ObjectNode job = event.putObject("job");
		job.put("namespace", this.properties.namespace());
		job.put("name", jobName);
		ArrayNode inputs = event.putArray("inputs");
		ArrayNode outputs = event.putArray("outputs");
		if (schema != null) {
			schema.tables().forEach((name, table) -> {
				if (table.enabled()) {
					inputs.addObject().put("namespace", sourceNamespace).put("name", name);
					outputs.addObject().put("namespace", destinationNamespace).put("name", table.destination());
				}
			});
		}
		return event;
	}

	/**
	 * A stable, name-based (version 3) UUID, so that START and its end share the run id.
	 */
	static UUID runId(String runKey) {
		return UUID.nameUUIDFromBytes(runKey.getBytes(StandardCharsets.UTF_8));
	}

}
