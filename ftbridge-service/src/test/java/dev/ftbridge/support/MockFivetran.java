package dev.ftbridge.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback standing in for Fivetran in tests: it records every
 * request (method, path, query, headers, body) and answers with Fivetran's envelope.
 * Tests add rules for the answers they need; the defaults answer like a healthy Fivetran.
 */
public final class MockFivetran implements AutoCloseable {

	private static final HttpClient FORWARDING = HttpClient.newHttpClient();

	static {
		// The JDK server writes headers and body separately; without TCP_NODELAY each
		// answer
		// waits ~40 ms for a delayed ACK.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private static MockFivetran shared;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final List<Rule> rules = new CopyOnWriteArrayList<>();

	private final AtomicInteger created = new AtomicInteger();

	private MockFivetran() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/**
	 * One server for the whole test run (the Spring context that points at it is cached).
	 */
	public static synchronized MockFivetran shared() {
		if (shared == null) {
			try {
				shared = new MockFivetran();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return shared;
	}

	/** A server of one's own. */
	public static MockFivetran start() throws IOException {
		return new MockFivetran();
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** Every request received so far, in arrival order. */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/** The requests whose path matches. */
	public List<Request> requests(String method, String path) {
		return this.requests.stream().filter((r) -> r.method().equals(method) && r.path().equals(path)).toList();
	}

	/** Forgets requests and rules. */
	public void reset() {
		this.requests.clear();
		this.rules.clear();
	}

	/**
	 * Answers matching requests with the response the function returns (checked newest
	 * first).
	 */
	public void when(Predicate<Request> matcher, Function<Request, Response> response) {
		this.rules.add(0, new Rule(matcher, response));
	}

	/**
	 * Answers requests whose path starts with {@code pathPrefix} by forwarding them
	 * (method, path, query, body, {@code Authorization}, {@code Accept},
	 * {@code Content-Type}) to another server, the sandbox for instance, and returning
	 * its answer; 502 when it cannot be reached. The rest stay this mock's.
	 */
	public void forward(String pathPrefix, URI baseUrl) {
		when((request) -> request.path().startsWith(pathPrefix), (request) -> forwarded(request, baseUrl));
	}

	private static Response forwarded(Request request, URI baseUrl) {
		String query = (request.query() != null) ? "?" + request.query() : "";
		HttpRequest.Builder forwarded = HttpRequest.newBuilder(URI.create(baseUrl + request.path() + query))
			.method(request.method(), request.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(request.body()));
		for (String header : new String[] { "Authorization", "Accept", "Content-Type" }) {
			if (request.header(header) != null) {
				forwarded.header(header, request.header(header));
			}
		}
		try {
			HttpResponse<String> response = FORWARDING.send(forwarded.build(), HttpResponse.BodyHandlers.ofString());
			return Response.json(response.statusCode(), response.body());
		}
		catch (Exception ex) {
			return Response.error(502, "BadGateway", ex.toString());
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			Map<String, String> headers = new TreeMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
			URI uri = exchange.getRequestURI();
			Request request = new Request(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers,
					new String(body, StandardCharsets.UTF_8), Instant.now());
			this.requests.add(request);
			Response response = respond(request);
			if (response.delay() != null) {
				sleep(response.delay());
			}
			if (response.status() < 0) {
				// drop the connection without an answer
				exchange.getResponseBody().close();
				return;
			}
			byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
			try (OutputStream os = exchange.getResponseBody()) {
				os.write(out);
			}
		}
	}

	private Response respond(Request request) {
		for (Rule rule : this.rules) {
			if (rule.matcher().test(request)) {
				return rule.response().apply(request);
			}
		}
		return defaultResponse(request);
	}

	private Response defaultResponse(Request request) {
		String method = request.method();
		String path = request.path();
		if (method.equals("POST") && path.equals("/v1/connections")) {
			String id = "conn_" + this.created.incrementAndGet();
			String group = Json.field(request.body(), "group_id");
			return Response.json(201,
					"{\"code\":\"Success\",\"message\":\"Connection has been created\",\"data\":" + "{\"id\":\"" + id
							+ "\",\"group_id\":\"" + group + "\",\"service\":\"postgres\","
							+ "\"schema\":\"s\",\"paused\":false,\"config\":{\"password\":\"******\"},"
							+ "\"status\":{\"setup_state\":\"connected\",\"sync_state\":\"scheduled\"},"
							+ "\"setup_tests\":[{\"title\":\"Connecting\",\"status\":\"PASSED\",\"message\":\"\"}]}}");
		}
		if (method.equals("GET") && path.startsWith("/v1/connections/")) {
			return Response.json(200, details(path.substring("/v1/connections/".length())));
		}
		if (method.equals("GET") && path.startsWith("/v1/groups/")) {
			return Response.json(200, "{\"code\":\"Success\",\"data\":{\"items\":[]}}");
		}
		if (method.equals("POST") && path.endsWith("/test")) {
			return Response.json(200, "{\"code\":\"Success\",\"data\":{\"id\":\"x\",\"setup_tests\":"
					+ "[{\"title\":\"Connecting\",\"status\":\"PASSED\",\"message\":\"\"}]}}");
		}
		return Response.json(200, "{\"code\":\"Success\",\"message\":\"Operation completed\"}");
	}

	/** A connection-details body for a connection id. */
	public static String details(String id) {
		return "{\"code\":\"Success\",\"data\":{\"id\":\"" + id + "\",\"group_id\":\"g1\",\"service\":\"postgres\","
				+ "\"schema\":\"pg\",\"paused\":false,\"schedule_type\":\"auto\",\"sync_frequency\":360,"
				+ "\"succeeded_at\":\"2026-11-28T09:00:00Z\",\"failed_at\":null,"
				+ "\"config\":{\"password\":\"******\"},"
				+ "\"status\":{\"setup_state\":\"connected\",\"sync_state\":\"scheduled\","
				+ "\"update_state\":\"on_schedule\",\"is_historical_sync\":false}}}";
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A request as Fivetran would receive it.
	 *
	 * @param method the HTTP method
	 * @param path the raw path
	 * @param query the raw query, or {@code null}
	 * @param headers the headers, names in lower case
	 * @param body the body as text
	 * @param at when it arrived
	 */
	public record Request(String method, String path, String query, Map<String, String> headers, String body,
			Instant at) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	/**
	 * An answer.
	 *
	 * @param status the HTTP status; negative to drop the connection
	 * @param body the body
	 * @param headers extra headers
	 * @param delay how long to wait before answering
	 */
	public record Response(int status, String body, Map<String, String> headers, Duration delay) {

		public static Response json(int status, String body) {
			return new Response(status, body, Map.of(), null);
		}

		public static Response error(int status, String code, String message) {
			return json(status, "{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
		}

		public static Response ok() {
			return json(200, "{\"code\":\"Success\",\"message\":\"Operation completed\"}");
		}

		public Response withHeader(String name, String value) {
			Map<String, String> copy = new TreeMap<>(this.headers);
			copy.put(name, value);
			return new Response(this.status, this.body, copy, this.delay);
		}

		public Response after(Duration delay) {
			return new Response(this.status, this.body, this.headers, delay);
		}

	}

	private record Rule(Predicate<Request> matcher, Function<Request, Response> response) {

	}

	/**
	 * Just enough JSON reading for the defaults, without depending on the code under
	 * test.
	 */
	static final class Json {

		private Json() {
		}

		static String field(String body, String name) {
			String marker = "\"" + name + "\":\"";
			int at = body.indexOf(marker);
			if (at < 0) {
				return null;
			}
			int start = at + marker.length();
			return body.substring(start, body.indexOf('"', start));
		}

	}

}
