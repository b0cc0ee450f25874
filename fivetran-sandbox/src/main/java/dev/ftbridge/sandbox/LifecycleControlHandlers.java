package dev.ftbridge.sandbox;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The control endpoints for lifecycles and webhooks, next to {@link ControlHandlers}: no
 * auth, limits or faults apply.
 *
 * <pre>
 * GET    /sandbox/deliveries[?event=&amp;target_id=&amp;connection_id=]   every delivery attempt
 * DELETE /sandbox/deliveries
 * GET    /sandbox/webhooks                   {"enabled": true, "targets": [settings targets]}
 * POST   /sandbox/webhooks {"enabled": false}
 * POST   /sandbox/scripts {"connection_id": "...", "scripts": [{"outcome": "FAILURE_WITH_TASK",
 *   "reason": "...", "taskType": "reconnect"}, {"outcome": "FAILED_THEN_SUCCESSFUL", "delay": "PT10M"},
 *   {"outcome": "RESCHEDULED", "delay": "PT30M"}, {"outcome": "NEVER_ENDS"},
 *   {"outcome": "SUCCESSFUL", "duration": "PT1M"}]}
 * GET    /sandbox/scripts?connection_id=...   the queue, next first
 * DELETE /sandbox/scripts?connection_id=...
 * </pre>
 */
final class LifecycleControlHandlers {

	private final FivetranSandbox sandbox;

	LifecycleControlHandlers(FivetranSandbox sandbox) {
		this.sandbox = sandbox;
	}

	void register(Router router) {
		router.add("GET", "/sandbox/deliveries", Cost.READ, this::deliveries)
			.add("DELETE", "/sandbox/deliveries", Cost.READ, (request) -> {
				this.sandbox.deliveries().clear();
				return ApiResponse.message("Delivery log cleared");
			})
			.add("GET", "/sandbox/webhooks", Cost.READ, (request) -> webhooks())
			.add("POST", "/sandbox/webhooks", Cost.READ, this::switchWebhooks)
			.add("GET", "/sandbox/scripts", Cost.READ,
					(request) -> scripts(connectionId(request.query("connection_id"))))
			.add("POST", "/sandbox/scripts", Cost.READ, this::addScripts)
			.add("DELETE", "/sandbox/scripts", Cost.READ, (request) -> {
				String id = connectionId(request.query("connection_id"));
				this.sandbox.state().clearScripts(id);
				return scripts(id);
			});
	}

	private ApiResponse deliveries(ApiRequest request) {
		String event = request.query("event");
		String targetId = request.query("target_id");
		String connectionId = request.query("connection_id");
		ObjectNode data = Json.object();
		ArrayNode items = data.putArray("items");
		this.sandbox.deliveries()
			.matching((attempt) -> (event == null || event.equals(attempt.event()))
					&& (targetId == null || targetId.equals(attempt.targetId()))
					&& (connectionId == null || connectionId.equals(attempt.connectionId())))
			.forEach((attempt) -> items.add(attempt.toJson()));
		return ApiResponse.ok("Deliveries retrieved", data);
	}

	private ApiResponse webhooks() {
		return ApiResponse.ok("Webhook delivery", this.sandbox.webhooks().toJson());
	}

	private ApiResponse switchWebhooks(ApiRequest request) {
		ObjectNode body = request.requireObject();
		if (!body.path("enabled").isBoolean()) {
			throw ApiException.invalidInput("Field 'enabled' is required and must be a boolean");
		}
		this.sandbox.webhooks().enabled(body.get("enabled").asBoolean());
		return webhooks();
	}

	private ApiResponse addScripts(ApiRequest request) {
		ObjectNode body = request.requireObject();
		String id = connectionId(Json.optionalText(body, "connection_id"));
		JsonNode given = body.get("scripts");
		if (given == null || !given.isArray() || given.isEmpty()) {
			throw ApiException.invalidInput("Field 'scripts' is required and must be a non-empty array");
		}
		List<SyncScript> scripts = new ArrayList<>();
		given.forEach((script) -> scripts.add(SyncScript.fromJson(script)));
		this.sandbox.state().script(id, scripts);
		return scripts(id);
	}

	private ApiResponse scripts(String connectionId) {
		ObjectNode data = Json.object().put("connection_id", connectionId);
		ArrayNode items = data.putArray("scripts");
		this.sandbox.scripts(connectionId).forEach((script) -> items.add(script.toJson()));
		return ApiResponse.ok("Scripts of connection '" + connectionId + "'", data);
	}

	private static String connectionId(String value) {
		if (value == null || value.isBlank()) {
			throw ApiException.invalidInput("The connection_id is required");
		}
		return value;
	}

}
