package dev.ftbridge.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/**
 * One API request the sandbox received, and what became of it.
 *
 * @param sequence the arrival order, from 1
 * @param sandboxTime when it arrived, in sandbox time
 * @param realTime when it arrived, in real time
 * @param method the HTTP method
 * @param path the raw path
 * @param query the raw query string, or null
 * @param headers the request headers, without {@code Authorization}
 * @param body the request body as text (empty for none)
 * @param status the status answered; 0 when the connection was closed without one
 * @param connectionId the connection it concerned, or null
 * @param applied whether its effect was applied (the handler succeeded), even if the
 * client never got the answer
 * @param fault the injected fault ({@code failNext}, {@code timeoutNext}, …), or null
 */
public record LoggedRequest(long sequence, Instant sandboxTime, Instant realTime, String method, String path,
		String query, Map<String, List<String>> headers, String body, int status, String connectionId, boolean applied,
		String fault) {

	public LoggedRequest {
		headers = Map.copyOf(headers);
	}

	LoggedRequest withSequence(long sequence) {
		return new LoggedRequest(sequence, this.sandboxTime, this.realTime, this.method, this.path, this.query,
				this.headers, this.body, this.status, this.connectionId, this.applied, this.fault);
	}

	/** Whether this changed something: an applied request other than a GET. */
	public boolean isEffect() {
		return this.applied && !"GET".equals(this.method);
	}

	ObjectNode toJson() {
		ObjectNode json = Json.object()
			.put("sequence", this.sequence)
			.put("sandbox_time", Json.timestamp(this.sandboxTime))
			.put("real_time", Json.timestamp(this.realTime))
			.put("method", this.method)
			.put("path", this.path)
			.put("query", this.query)
			.put("body", this.body)
			.put("status", this.status)
			.put("connection_id", this.connectionId)
			.put("applied", this.applied)
			.put("fault", this.fault);
		ObjectNode headers = json.putObject("headers");
		this.headers.forEach((name, values) -> values.forEach(headers.putArray(name)::add));
		return json;
	}

}
