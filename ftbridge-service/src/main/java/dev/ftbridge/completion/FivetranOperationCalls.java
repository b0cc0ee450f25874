package dev.ftbridge.completion;

import dev.ftbridge.fivetran.ConnectionDetails;
import dev.ftbridge.fivetran.FivetranClient;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.Throttle;
import dev.ftbridge.fivetran.TransformationState;

/**
 * OperationCalls through the Fivetran client, below every command in the throttle's
 * order.
 */
class FivetranOperationCalls implements OperationCalls {

	private final FivetranClient fivetran;

	FivetranOperationCalls(FivetranClient fivetran) {
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
	public void triggerSync(String connectionId) {
		this.fivetran.execute(FivetranRequests.syncConnection(connectionId, false), Throttle.Priority.BACKGROUND);
	}

	@Override
	public void cancelTransformation(String transformationId) {
		this.fivetran.execute(FivetranRequests.cancelTransformation(transformationId), Throttle.Priority.BACKGROUND);
	}

}
