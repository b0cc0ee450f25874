package dev.ftbridge.sandbox;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One API request as the handlers see it.
 *
 * @param method the HTTP method
 * @param path the raw path
 * @param query the decoded query parameters (the first value of each)
 * @param variables the decoded path variables of the matched route
 * @param body the JSON body, or {@code null} when there is none
 */
record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> variables, JsonNode body) {

	String variable(String name) {
		return this.variables.get(name);
	}

	String query(String name) {
		return this.query.get(name);
	}

	/** The body, which must be a JSON object. */
	ObjectNode requireObject() {
		if (this.body instanceof ObjectNode object) {
			return object;
		}
		throw ApiException
			.invalidInput((this.body == null) ? "Request body is required" : "Body must be a JSON object");
	}

	/** The body as an object, or an empty object when there is none. */
	ObjectNode objectOrEmpty() {
		return (this.body == null || this.body.isNull()) ? Json.object() : requireObject();
	}

}
