package dev.ftbridge.sandbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhook registrations: create (account or group; 200, secret masked), list, details,
 * delete. Deliveries are not made here; registrations are kept in {@link SandboxState}.
 * URLs must be HTTPS, as Fivetran demands, except on loopback hosts so a local receiver
 * can be used.
 */
final class WebhookHandlers {

	private final SandboxState state;

	WebhookHandlers(SandboxState state) {
		this.state = state;
	}

	void register(Router router) {
		router.add("POST", "/v1/webhooks/account", Cost.WRITE, (request) -> create(request, null))
			.add("POST", "/v1/webhooks/group/{groupId}", Cost.WRITE,
					(request) -> create(request, request.variable("groupId")))
			.add("GET", "/v1/webhooks", Cost.READ, this::list)
			.add("GET", "/v1/webhooks/{webhookId}", Cost.READ, this::details)
			.add("DELETE", "/v1/webhooks/{webhookId}", Cost.WRITE, this::delete);
	}

	private ApiResponse create(ApiRequest request, String groupId) {
		ObjectNode body = request.requireObject();
		String url = Json.requiredText(body, "url");
		requireUrl(url);
		List<String> events = events(body.get("events"));
		boolean active = Json.optionalBoolean(body, "active", true);
		String secret = Json.optionalText(body, "secret");
		ObjectNode json = this.state.locked(() -> {
			if (groupId != null) {
				this.state.requireGroup(groupId);
			}
			WebhookRegistration webhook = new WebhookRegistration(this.state.newId(),
					(groupId != null) ? "group" : "account", groupId, url, events, active, secret, this.state.now());
			this.state.putWebhook(webhook);
			return webhook.toJson();
		});
		String kind = (groupId != null) ? "Group" : "Account";
		return ApiResponse.ok(kind + " webhook has been created", json);
	}

	private ApiResponse list(ApiRequest request) {
		List<ObjectNode> all = this.state
			.locked(() -> this.state.webhookList().stream().map(WebhookRegistration::toJson).toList());
		return ApiResponse.ok("Webhooks retrieved successfully", Pages.page(all, request));
	}

	private ApiResponse details(ApiRequest request) {
		String id = request.variable("webhookId");
		ObjectNode json = this.state.locked(() -> this.state.requireWebhook(id).toJson());
		return ApiResponse.ok("Webhook details retrieved successfully", json);
	}

	private ApiResponse delete(ApiRequest request) {
		String id = request.variable("webhookId");
		this.state.locked(() -> {
			this.state.removeWebhook(id);
			return null;
		});
		return ApiResponse.message("Webhook with id '" + id + "' has been deleted");
	}

	private static List<String> events(JsonNode value) {
		if (!(value instanceof ArrayNode array) || array.isEmpty()) {
			throw ApiException.invalidInput("Field 'events' is required and must be a non-empty array");
		}
		List<String> events = new ArrayList<>();
		array.forEach((event) -> {
			if (!event.isString()) {
				throw ApiException.invalidInput("Field 'events' must hold event names");
			}
			events.add(event.asString());
		});
		return events;
	}

	private static void requireUrl(String url) {
		try {
			URI uri = URI.create(url);
			String host = uri.getHost();
			boolean loopback = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
			if ("https".equals(uri.getScheme()) && host != null || "http".equals(uri.getScheme()) && loopback) {
				return;
			}
		}
		catch (IllegalArgumentException ex) {
			// fall through to the error
		}
		throw ApiException.invalidInput("Field 'url' must be an HTTPS URL");
	}

}
