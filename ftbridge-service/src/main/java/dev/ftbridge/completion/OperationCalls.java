package dev.ftbridge.completion;

import dev.ftbridge.fivetran.ConnectionDetails;
import dev.ftbridge.fivetran.TransformationState;

/**
 * What following an operation asks Fivetran, at background priority; failures are
 * {@link dev.ftbridge.fivetran.FivetranException}s.
 */
interface OperationCalls {

	/** {@code GET /v1/connections/{id}}. */
	ConnectionDetails connection(String connectionId);

	/** {@code GET /v1/transformations/{id}}. */
	TransformationState transformation(String transformationId);

	/** {@code POST /v1/connections/{id}/sync} without force, for a rescheduled sync. */
	void triggerSync(String connectionId);

	/**
	 * {@code POST /v1/transformations/{id}/cancel}, for a run that timed out and whose
	 * command asked for it.
	 */
	void cancelTransformation(String transformationId);

	/**
	 * These calls through the named Fivetran account's client, budgets and circuit (the
	 * same calls where there is only one account).
	 */
	default OperationCalls account(String account) {
		return this;
	}

}
