package dev.ftbridge.fivetran;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * What the bridge reads of a transformation: the {@code data} of {@code GET
 * /v1/transformations/{id}} ({@code TransformationResponse}).
 *
 * @param status {@code NEW}, {@code SCHEDULING}, {@code RUNNING}, {@code TERMINATING},
 * {@code SUCCEEDED}, {@code FAILED}, {@code BLOCKED}, {@code CANCELED} or
 * {@code PARTIALLY_SUCCEEDED}; {@code null} when not said
 * @param lastStartedAt when the last run started
 * @param lastEndedAt when the last run ended
 */
public record TransformationState(String status, Instant lastStartedAt, Instant lastEndedAt) {

	/** Reads a transformation from Fivetran's {@code data}. */
	public static TransformationState of(JsonNode data) {
		return new TransformationState(Json.text(data, "status"), FivetranTime.field(data, "last_started_at"),
				FivetranTime.field(data, "last_ended_at"));
	}

}
