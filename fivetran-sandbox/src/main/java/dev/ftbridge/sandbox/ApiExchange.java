package dev.ftbridge.sandbox;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP exchange, read once: method, path, query, headers and body. Knows how to
 * answer with JSON or hang up without answering.
 */
final class ApiExchange {

	private final HttpExchange exchange;

	private final byte[] body;

	ApiExchange(HttpExchange exchange) throws IOException {
		this.exchange = exchange;
		this.body = exchange.getRequestBody().readAllBytes();
	}

	String method() {
		return this.exchange.getRequestMethod();
	}

	String path() {
		return this.exchange.getRequestURI().getRawPath();
	}

	String rawQuery() {
		return this.exchange.getRequestURI().getRawQuery();
	}

	String header(String name) {
		return this.exchange.getRequestHeaders().getFirst(name);
	}

	String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/** The request headers without {@code Authorization}. */
	Map<String, List<String>> loggableHeaders() {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		this.exchange.getRequestHeaders().forEach((name, values) -> {
			if (!"Authorization".equalsIgnoreCase(name)) {
				headers.put(name, List.copyOf(values));
			}
		});
		return headers;
	}

	/** The decoded query parameters; the first value of each wins. */
	Map<String, String> query() {
		Map<String, String> query = new LinkedHashMap<>();
		String raw = rawQuery();
		if (raw != null && !raw.isEmpty()) {
			for (String pair : raw.split("&")) {
				int equals = pair.indexOf('=');
				String name = decode((equals < 0) ? pair : pair.substring(0, equals));
				query.putIfAbsent(name, (equals < 0) ? "" : decode(pair.substring(equals + 1)));
			}
		}
		return query;
	}

	/** The body as JSON: null when empty; throws 400 when it is not JSON. */
	JsonNode json() {
		if (this.body.length == 0) {
			return null;
		}
		try {
			return Json.MAPPER.readTree(this.body);
		}
		catch (JacksonException ex) {
			throw ApiException.invalidInput("Malformed JSON body");
		}
	}

	void send(ApiResponse response, Map<String, String> headers) throws IOException {
		byte[] bytes = Json.MAPPER.writeValueAsBytes(response.body());
		this.exchange.getResponseHeaders().set("Content-Type", "application/json");
		headers.forEach(this.exchange.getResponseHeaders()::set);
		response.headers().forEach(this.exchange.getResponseHeaders()::set);
		this.exchange.sendResponseHeaders(response.status(), bytes.length);
		this.exchange.getResponseBody().write(bytes);
		this.exchange.close();
	}

	/**
	 * Closes the connection without a status line: the client sees the connection drop.
	 */
	void hangUp() {
		this.exchange.close();
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
