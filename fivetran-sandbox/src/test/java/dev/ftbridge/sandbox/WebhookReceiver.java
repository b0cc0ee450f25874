package dev.ftbridge.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook endpoint for tests: a real HTTP server on loopback that records every request
 * and answers with the status its responder picks (200 unless told otherwise).
 */
final class WebhookReceiver implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final HttpServer server;

	private volatile ToIntFunction<Received> responder = (request) -> 200;

	WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/** The upper-case hex HMAC-SHA256 of the body, computed here, not by the sandbox. */
	static String hmacSha256UpperHex(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().withUpperCase().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/fivetran");
	}

	String url() {
		return uri().toString();
	}

	/** Answers each request with the status the function returns. */
	WebhookReceiver respondWith(ToIntFunction<Received> responder) {
		this.responder = responder;
		return this;
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	/** The requests whose payload has that {@code event}. */
	List<Received> events(String event) {
		return this.received.stream().filter((request) -> event.equals(request.event())).toList();
	}

	/** The {@code event} of every request, in arrival order. */
	List<String> eventTypes() {
		return this.received.stream().map(Received::event).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		Map<String, String> headers = new HashMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
		Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body);
		this.received.add(request);
		int status = this.responder.applyAsInt(request);
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	/** One request as it arrived. */
	record Received(String method, String path, Map<String, String> headers, byte[] body) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String event() {
			return json().path("event").asString(null);
		}

		/** The payload's field names, in wire order. */
		List<String> fieldNames() {
			List<String> names = new ArrayList<>();
			json().propertyNames().forEach(names::add);
			return names;
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
