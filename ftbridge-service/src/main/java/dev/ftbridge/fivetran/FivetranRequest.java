package dev.ftbridge.fivetran;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriUtils;

/**
 * One call to Fivetran, described before it is sent.
 *
 * @param method the HTTP method
 * @param pathTemplate the path as Fivetran's OpenAPI definition names it, e.g.
 * {@code /v1/connections/{connectionId}}
 * @param pathVariables the values of the template's variables, in order
 * @param query query parameters (empty for none)
 * @param body the JSON body, or {@code null} for none
 * @param acceptVersion2 whether to send {@code Accept: application/json;version=2}
 * @param budgets the rate-limit budgets the call counts against
 * @param idempotent whether sending it twice has the same effect as sending it once
 */
public record FivetranRequest(HttpMethod method, String pathTemplate, List<String> pathVariables,
		Map<String, String> query, JsonNode body, boolean acceptVersion2, Set<EndpointClass> budgets,
		boolean idempotent) {

	public FivetranRequest {
		pathVariables = List.copyOf(pathVariables);
		query = Map.copyOf(query);
		budgets = Set.copyOf(budgets);
	}

	/**
	 * The path with its variables encoded and filled in. A variable that is empty,
	 * {@code .} or {@code ..} would address another resource (the encoder leaves dots as
	 * they are): it is refused with a {@link FivetranException.Rejected} (code
	 * {@code invalid_path_segment}, no HTTP status), so the command ends {@code FAILED}
	 * without any call.
	 */
	public String path() {
		StringBuilder path = new StringBuilder();
		int variable = 0;
		int at = 0;
		while (at < this.pathTemplate.length()) {
			int open = this.pathTemplate.indexOf('{', at);
			if (open < 0) {
				path.append(this.pathTemplate, at, this.pathTemplate.length());
				break;
			}
			int close = this.pathTemplate.indexOf('}', open);
			path.append(this.pathTemplate, at, open);
			path.append(UriUtils.encodePathSegment(segment(this.pathVariables.get(variable++)), "UTF-8"));
			at = close + 1;
		}
		return path.toString();
	}

	private String segment(String value) {
		if (value == null || value.isEmpty() || value.equals(".") || value.equals("..")) {
			throw new FivetranException.Rejected(0, "invalid_path_segment",
					"'" + value + "' cannot be a path segment of " + this.pathTemplate + "; nothing was sent");
		}
		return value;
	}

	/** The same request with one query parameter set (used to follow pagination). */
	public FivetranRequest withQuery(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.query);
		copy.put(name, value);
		return new FivetranRequest(this.method, this.pathTemplate, this.pathVariables, copy, this.body,
				this.acceptVersion2, this.budgets, this.idempotent);
	}

}
