package dev.ftbridge.operations;

import tools.jackson.databind.JsonNode;

/**
 * What following an operation asks Fivetran, at background priority; failures are
 * {@link dev.ftbridge.fivetran.FivetranException}s.
 */
interface Lookups {

	/** {@code data} of {@code GET /v1/connections/{id}}. */
	JsonNode connection(String connectionId);

	/** {@code data} of {@code GET /v1/transformations/{id}}. */
	JsonNode transformation(String transformationId);

	/** {@code POST /v1/connections/{id}/sync} without force, for a rescheduled sync. */
	void sync(String connectionId);

}
