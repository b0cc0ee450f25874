package dev.ftbridge.sandbox;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's own endpoints under {@code /sandbox/}, for processes that cannot call
 * Java: health, faults, the request log and a reset (webhooks, deliveries and sync
 * scripts: {@link LifecycleControlHandlers}). They ask for the API's HTTP Basic
 * credentials (the request log shows bodies, passwords included); no limits or faults
 * apply.
 *
 * <pre>
 * POST /sandbox/faults {"clear": true, "failNext": {"count": 3, "status": 503},
 *   "errorRate": {"probability": 0.1, "status": 500}, "timeoutNext": {"count": 1, "hold": "PT5M"},
 *   "resetNext": {"count": 1, "afterApplying": false}, "outage": {"duration": "PT10M"},
 *   "unauthorized": true}
 * </pre>
 */
final class ControlHandlers {

	private final FivetranSandbox sandbox;

	ControlHandlers(FivetranSandbox sandbox) {
		this.sandbox = sandbox;
	}

	void register(Router router) {
		router.add("GET", "/sandbox/health", Cost.READ, (request) -> ApiResponse.ok("UP", null))
			.add("GET", "/sandbox/faults", Cost.READ, (request) -> faults())
			.add("POST", "/sandbox/faults", Cost.READ, this::setFaults)
			.add("GET", "/sandbox/requests", Cost.READ, this::requests)
			.add("DELETE", "/sandbox/requests", Cost.READ, (request) -> {
				this.sandbox.requestLog().clear();
				return ApiResponse.message("Request log cleared");
			})
			.add("POST", "/sandbox/reset", Cost.READ, (request) -> {
				this.sandbox.reset();
				return ApiResponse.message("Sandbox reset");
			});
	}

	private ApiResponse faults() {
		return ApiResponse.ok("Current faults", this.sandbox.faults().toJson());
	}

	/** Applies every mode in the body; {@code clear} first. */
	private ApiResponse setFaults(ApiRequest request) {
		ObjectNode body = request.requireObject();
		Faults faults = this.sandbox.faults();
		if (Json.optionalBoolean(body, "clear", false)) {
			faults.clear();
		}
		ObjectNode mode = Json.optionalObject(body, "failNext");
		if (mode != null) {
			faults.failNext(count(mode), mode.path("status").asInt(503));
		}
		mode = Json.optionalObject(body, "errorRate");
		if (mode != null) {
			faults.errorRate(mode.path("probability").asDouble(0), mode.path("status").asInt(500));
		}
		mode = Json.optionalObject(body, "timeoutNext");
		if (mode != null) {
			faults.timeoutNext(count(mode), duration(mode, "hold"));
		}
		mode = Json.optionalObject(body, "resetNext");
		if (mode != null && Json.optionalBoolean(mode, "afterApplying", false)) {
			faults.resetNextAfterApplying(count(mode));
		}
		else if (mode != null) {
			faults.resetNext(count(mode));
		}
		mode = Json.optionalObject(body, "outage");
		if (mode != null) {
			faults.outage(duration(mode, "duration"));
		}
		if (body.has("unauthorized")) {
			faults.unauthorized(Json.optionalBoolean(body, "unauthorized", false));
		}
		return faults();
	}

	/**
	 * The log as JSON, optionally filtered by {@code method}, {@code path} and
	 * {@code connection_id}.
	 */
	private ApiResponse requests(ApiRequest request) {
		String method = request.query("method");
		String path = request.query("path");
		String connectionId = request.query("connection_id");
		RequestLog log = this.sandbox.requestLog();
		List<LoggedRequest> requests = (path != null) ? log.requests(method, path) : log.requests();
		ObjectNode data = Json.object();
		ArrayNode items = data.putArray("items");
		requests.stream()
			.filter((logged) -> method == null || method.equalsIgnoreCase(logged.method()))
			.filter((logged) -> connectionId == null || connectionId.equals(logged.connectionId()))
			.forEach((logged) -> items.add(logged.toJson()));
		return ApiResponse.ok("Requests retrieved", data);
	}

	private static int count(ObjectNode mode) {
		return mode.path("count").asInt(1);
	}

	private static Duration duration(ObjectNode mode, String field) {
		JsonNode value = mode.get(field);
		if (value != null && value.isString()) {
			try {
				return Duration.parse(value.asString());
			}
			catch (DateTimeParseException ex) {
				// fall through to the error
			}
		}
		throw ApiException.invalidInput("Field '" + field + "' must be an ISO-8601 duration such as PT5M");
	}

}
