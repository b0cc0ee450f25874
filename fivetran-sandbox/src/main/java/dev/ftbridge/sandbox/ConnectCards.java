package dev.ftbridge.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Connect Cards: {@code POST /v1/connections/{connectionId}/connect-card}, and the card a
 * create with {@code connect_card_config} answers with. Each card has a fresh random
 * token, embedded in its URI as Fivetran does
 * (https://fivetran.com/docs/rest-api/api-reference/connections/connect-card).
 */
final class ConnectCards {

	/** Where Fivetran's cards point; the sandbox never serves it. */
	private static final String SETUP = "https://fivetran.com/connect-card/setup";

	private final SecureRandom random = new SecureRandom();

	private final SandboxState state;

	ConnectCards(SandboxState state) {
		this.state = state;
	}

	void register(Router router) {
		router.add("POST", "/v1/connections/{connectionId}/connect-card", Cost.WRITE, this::connectCard);
	}

	private ApiResponse connectCard(ApiRequest request) {
		String id = request.variable("connectionId");
		ObjectNode config = config(request.requireObject());
		this.state.locked(() -> this.state.requireConnection(id));
		ObjectNode data = Json.object().put("connector_id", id);
		data.set("connect_card", card(config));
		data.set("connect_card_config", config);
		return ApiResponse.ok("Connection Connect Card has been created", data).concerning(id);
	}

	/** The {@code connect_card_config} of a body: an object with a redirect URI. */
	static ObjectNode config(JsonNode body) {
		ObjectNode config = Json.optionalObject(body, "connect_card_config");
		if (config == null) {
			throw ApiException.invalidInput("Field 'connect_card_config' is required");
		}
		String redirect = Json.requiredText(config, "redirect_uri");
		if (!redirect.startsWith("https://") && !redirect.startsWith("http://")) {
			throw ApiException.invalidInput("Field 'redirect_uri' must start with https:// or http://");
		}
		return config.deepCopy();
	}

	/** A new card: a token and the URI that carries it. */
	ObjectNode card(ObjectNode config) {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		String token = "eyJ" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String uri = SETUP + "?redirect_uri="
				+ URLEncoder.encode(config.path("redirect_uri").asString(), StandardCharsets.UTF_8) + "&auth=" + token
				+ "&hide_setup_guide=" + config.path("hide_setup_guide").asBoolean(false);
		return Json.object().put("token", token).put("uri", uri);
	}

}
