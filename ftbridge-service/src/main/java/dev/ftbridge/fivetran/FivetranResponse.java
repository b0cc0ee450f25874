package dev.ftbridge.fivetran;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A successful answer from Fivetran: the HTTP status and the {@code {code, message,
 * data}} envelope.
 *
 * @param httpStatus the HTTP status (2xx)
 * @param code Fivetran's {@code code}, usually {@code Success}
 * @param message Fivetran's {@code message}, or {@code null}
 * @param data the {@code data} object, or a missing node when there is none
 * @param attempts how many times the request was sent
 */
public record FivetranResponse(int httpStatus, String code, String message, JsonNode data, int attempts) {

	public FivetranResponse {
		data = (data != null) ? data : MissingNode.getInstance();
	}

	/** A text field of {@code data}, or {@code null}. */
	public String dataText(String field) {
		JsonNode value = this.data.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	/** {@code data} read as a connection (details, or the answer of a setup test). */
	public ConnectionDetails connection() {
		return ConnectionDetails.of(this.data);
	}

	/** {@code data} read as a transformation. */
	public TransformationState transformation() {
		return TransformationState.of(this.data);
	}

}
