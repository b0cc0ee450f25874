package dev.ftbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fivetran's cursor pagination (https://fivetran.com/docs/rest-api/pagination):
 * {@code limit} 1..1000 (default 100), an opaque {@code cursor} (base64 of
 * {@code {"skip":n}}, as in Fivetran's example), {@code data.items} and
 * {@code data.next_cursor}, absent on the last page.
 */
final class Pages {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 1000;

	private Pages() {
	}

	/** The page of {@code all} that the request's cursor and limit select. */
	static ObjectNode page(List<? extends JsonNode> all, ApiRequest request) {
		int limit = limit(request.query("limit"));
		int skip = skip(request.query("cursor"));
		ObjectNode data = Json.object();
		ArrayNode items = data.putArray("items");
		all.stream().skip(skip).limit(limit).forEach(items::add);
		if ((long) skip + limit < all.size()) {
			data.put("next_cursor", cursor(skip + limit));
		}
		return data;
	}

	private static int limit(String value) {
		if (value == null) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(value);
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// fall through to the error
		}
		throw ApiException.invalidInput("Parameter 'limit' must be an integer between 1 and " + MAX_LIMIT);
	}

	private static int skip(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return 0;
		}
		try {
			byte[] json = Base64.getUrlDecoder().decode(cursor);
			JsonNode skip = Json.MAPPER.readTree(json).get("skip");
			if (skip != null && skip.canConvertToInt() && skip.asInt() >= 0) {
				return skip.asInt();
			}
		}
		catch (IllegalArgumentException | JacksonException ex) {
			// fall through to the error
		}
		throw ApiException.invalidInput("Invalid cursor '" + cursor + "'");
	}

	private static String cursor(int skip) {
		byte[] json = ("{\"skip\":" + skip + "}").getBytes(StandardCharsets.UTF_8);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
	}

}
