package dev.ftbridge.operations;

import tools.jackson.databind.JsonNode;

import dev.ftbridge.fivetran.FivetranClient;
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
		return this.fivetran
			.execute(FivetranRequests.transformationDetails(transformationId), Throttle.Priority.BACKGROUND)
			.data();
	}

	@Override
	public void sync(String connectionId) {
		this.fivetran.execute(FivetranRequests.syncConnection(connectionId, false), Throttle.Priority.BACKGROUND);
	}

}
