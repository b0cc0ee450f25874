package dev.ftbridge.operations;

import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

import dev.ftbridge.fivetran.EndpointClass;
import dev.ftbridge.fivetran.FivetranClient;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.Throttle;

/** Lookups through the Fivetran client, below every command in the throttle's order. */
class FivetranLookups implements Lookups {

	private final FivetranClient fivetran;

	FivetranLookups(FivetranClient fivetran) {
		this.fivetran = fivetran;
	}

	@Override
	public JsonNode connection(String connectionId) {
		return this.fivetran.execute(FivetranRequests.connectionDetails(connectionId), Throttle.Priority.BACKGROUND)
			.data();
	}

	@Override
	public JsonNode transformation(String transformationId) {
		return this.fivetran.execute(transformationDetails(transformationId), Throttle.Priority.BACKGROUND).data();
	}

	@Override
	public void sync(String connectionId) {
		this.fivetran.execute(FivetranRequests.syncConnection(connectionId, false), Throttle.Priority.BACKGROUND);
	}

	/**
	 * {@code GET /v1/transformations/{id}}. Belongs in {@code FivetranRequests} (and its
	 * OpenAPI check); built here until it moves there.
	 */
	static FivetranRequest transformationDetails(String transformationId) {
		return new FivetranRequest(HttpMethod.GET, "/v1/transformations/{transformationId}", List.of(transformationId),
				Map.of(), null, false, Set.of(EndpointClass.REQUEST), true);
	}

}
