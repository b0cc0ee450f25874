package dev.ftbridge.contract;

import java.time.Instant;

/**
 * A transformation run's status as the bridge saw it (published as
 * {@code fivetran.transformation.status.observed}, keyed by the transformation id).
 *
 * @param transformationId the transformation
 * @param source where the status came from: {@code poll} or {@code webhook}
 * @param observedAt when the bridge saw it (for a webhook: the webhook's {@code created})
 * @param event the webhook event it came from, e.g. {@code transformation_run_succeeded}
 * @param status Fivetran's run status ({@code RUNNING}, {@code SUCCEEDED},
 * {@code FAILED}, …)
 * @param reason Fivetran's reason for a failed run
 * @param lastStartedAt when the last run started
 * @param lastEndedAt when the last run ended
 * @param account the Fivetran account the status came from ({@code default} for the
 * single-account settings); null, and absent from the event, where it is not known
 */
public record TransformationStatusObserved(String transformationId, String source, Instant observedAt, String event,
		String status, String reason, String lastStartedAt, String lastEndedAt, String account) {

	/** The CloudEvent type of a transformation status. */
	public static final String TYPE = "fivetran.transformation.status.observed";

	/** A status whose account is not known. */
	public TransformationStatusObserved(String transformationId, String source, Instant observedAt, String event,
			String status, String reason, String lastStartedAt, String lastEndedAt) {
		this(transformationId, source, observedAt, event, status, reason, lastStartedAt, lastEndedAt, null);
	}

}
