package dev.ftbridge.sandbox;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An answer in Fivetran's envelope.
 *
 * @param status the HTTP status
 * @param body {@code {code, message, data}}
 * @param headers extra headers (e.g. {@code Retry-After})
 * @param connectionId the connection the request concerned, for the request log, or null
 */
record ApiResponse(int status, ObjectNode body, Map<String, String> headers, String connectionId) {

	static ApiResponse ok(String message, JsonNode data) {
		return success(200, message, data);
	}

	static ApiResponse created(String message, JsonNode data) {
		return success(201, message, data);
	}

	/** 200 with {@code code} and {@code message} only. */
	static ApiResponse message(String message) {
		return success(200, message, null);
	}

	static ApiResponse error(int status, String code, String message) {
		ObjectNode body = Json.object().put("code", code).put("message", message);
		return new ApiResponse(status, body, Map.of(), null);
	}

	private static ApiResponse success(int status, String message, JsonNode data) {
		ObjectNode body = Json.object().put("code", "Success").put("message", message);
		if (data != null) {
			body.set("data", data);
		}
		return new ApiResponse(status, body, Map.of(), null);
	}

	ApiResponse concerning(String connectionId) {
		return new ApiResponse(this.status, this.body, this.headers, connectionId);
	}

	ApiResponse withHeaders(Map<String, String> headers) {
		return new ApiResponse(this.status, this.body, headers, this.connectionId);
	}

	boolean successful() {
		return this.status >= 200 && this.status < 300;
	}

}
