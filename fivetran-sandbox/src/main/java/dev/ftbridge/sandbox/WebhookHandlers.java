package dev.ftbridge.sandbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhook registrations: create (account or group; 200, secret masked), list, details,
 * update, delete, and {@code /test}. As Fivetran does, creating an active webhook (or
 * activating one, or changing an active one's URL) first POSTs a signed
 * {@code test_event} to it and, unless it answers 2xx, answers 400 and changes nothing.
 * Event deliveries are made by {@link Webhooks}. URLs must be HTTPS, as Fivetran demands,
 * except on loopback hosts so a local receiver can be used.
 */
final class WebhookHandlers {

	private final SandboxState state;

	private final Webhooks webhooks;

	WebhookHandlers(SandboxState state, Webhooks webhooks) {
		this.state = state;
		this.webhooks = webhooks;
	}

	void register(Router router) {
		router.add("POST", "/v1/webhooks/account", Cost.WRITE, (request) -> create(request, null))
			.add("POST", "/v1/webhooks/group/{groupId}", Cost.WRITE,
					(request) -> create(request, request.variable("groupId")))
			.add("GET", "/v1/webhooks", Cost.READ, this::list)
			.add("GET", "/v1/webhooks/{webhookId}", Cost.READ, this::details)
			.add("PATCH", "/v1/webhooks/{webhookId}", Cost.WRITE, this::update)
			.add("DELETE", "/v1/webhooks/{webhookId}", Cost.WRITE, this::delete)
			.add("POST", "/v1/webhooks/{webhookId}/test", Cost.WRITE, this::test);
	}

	private ApiResponse create(ApiRequest request, String groupId) {
		ObjectNode body = request.requireObject();
		String url = Json.requiredText(body, "url");
		requireUrl(url);
		List<String> events = events(body.get("events"));
		boolean active = Json.optionalBoolean(body, "active", true);
		String secret = secret(body);
		if (groupId != null) {
			this.state.locked(() -> this.state.requireGroup(groupId));
		}
		String id = this.state.newId();
		if (active) {
			requireTestPassed(id, url, secret);
		}
		ObjectNode json = this.state.locked(() -> {
			if (groupId != null) {
				this.state.requireGroup(groupId);
			}
			WebhookRegistration webhook = new WebhookRegistration(id, (groupId != null) ? "group" : "account", groupId,
					url, events, active, secret, this.state.now());
			this.state.putWebhook(webhook);
			return webhook.toJson();
		});
		String kind = (groupId != null) ? "Group" : "Account";
		return ApiResponse.ok(kind + " webhook has been created", json);
	}

	private ApiResponse update(ApiRequest request) {
		String id = request.variable("webhookId");
		ObjectNode body = request.requireObject();
		String url = Json.optionalText(body, "url");
		if (url != null) {
			requireUrl(url);
		}
		List<String> events = body.has("events") ? events(body.get("events")) : null;
		WebhookRegistration current = this.state.locked(() -> this.state.requireWebhook(id));
		WebhookRegistration updated = current.with((url != null) ? url : current.url(),
				(events != null) ? events : current.events(), Json.optionalBoolean(body, "active", current.active()),
				body.has("secret") ? secret(body) : current.secret());
		boolean activated = updated.active() && (!current.active() || !updated.url().equals(current.url()));
		if (activated) {
			requireTestPassed(id, updated.url(), updated.secret());
		}
		ObjectNode json = this.state.locked(() -> {
			this.state.requireWebhook(id);
			this.state.putWebhook(updated);
			return updated.toJson();
		});
		return ApiResponse.ok("Webhook has been updated", json);
	}

	private ApiResponse test(ApiRequest request) {
		String id = request.variable("webhookId");
		String event = Json.requiredText(request.requireObject(), "event");
		WebhookRegistration webhook = this.state.locked(() -> this.state.requireWebhook(id));
		WebhookSender.Answer answer = this.webhooks.test(id, webhook.url(), webhook.secret(), event);
		ObjectNode data = Json.object()
			.put("succeed", answer.successful())
			.put("status", answer.status())
			.put("message", answer.successful() ? "Success" : answer.describe());
		return ApiResponse.ok("Webhook test completed successfully", data);
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

	/** Sends the {@code test_event}; anything but 2xx is a 400 and nothing is saved. */
	private void requireTestPassed(String id, String url, String secret) {
		WebhookSender.Answer answer = this.webhooks.test(id, url, secret, WebhookPayloads.TEST_EVENT);
		if (!answer.successful()) {
			throw ApiException.invalidInput("The webhook test failed: " + url + " answered " + answer.describe()
					+ " to the test_event; expected a 2xx status");
		}
	}

	/** The optional secret; an empty one means none. */
	private static String secret(ObjectNode body) {
		String secret = Json.optionalText(body, "secret");
		return (secret == null || secret.isEmpty()) ? null : secret;
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
