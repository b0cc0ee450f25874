package dev.ftbridge.operations;

import dev.ftbridge.fivetran.ConnectionDetails;
import dev.ftbridge.fivetran.FivetranClient;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.Throttle;
import dev.ftbridge.fivetran.TransformationState;

/** Lookups through the Fivetran client, below every command in the throttle's order. */
class FivetranLookups implements Lookups {

	private final FivetranClient fivetran;

	FivetranLookups(FivetranClient fivetran) {
		this.fivetran = fivetran;
	}

	@Override
	public ConnectionDetails connection(String connectionId) {
		return this.fivetran.execute(FivetranRequests.connectionDetails(connectionId), Throttle.Priority.BACKGROUND)
			.connection();
	}

	@Override
	public TransformationState transformation(String transformationId) {
		return this.fivetran
			.execute(FivetranRequests.transformationDetails(transformationId), Throttle.Priority.BACKGROUND)
			.transformation();
	}

	@Override
	public void sync(String connectionId) {
		this.fivetran.execute(FivetranRequests.syncConnection(connectionId, false), Throttle.Priority.BACKGROUND);
	}

	@Override
	public void cancelTransformation(String transformationId) {
		this.fivetran.execute(FivetranRequests.cancelTransformation(transformationId), Throttle.Priority.BACKGROUND);
	}

}
