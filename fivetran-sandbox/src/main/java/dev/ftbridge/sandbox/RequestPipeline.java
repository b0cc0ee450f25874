package dev.ftbridge.sandbox;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.databind.JsonNode;

/**
 * Answers one API request, in this order: injected fault (answers or drops before
 * anything else) → HTTP Basic auth (401) → route (404/405) → rate limits (429, nothing
 * counted) → latency → body check (400) → handler → a timeout or reset after applying, if
 * injected. Every answer carries {@code X-Rate-Limit} and {@code X-Rate-Limit-Remaining};
 * every request is logged. Requests under {@code /sandbox/} go to the control router
 * instead: the same HTTP Basic credentials (they show request bodies, passwords included,
 * and can reset the sandbox), but no limits, faults or log.
 */
final class RequestPipeline implements HttpHandler {

	private final SandboxClock clock;

	private final BasicAuth auth;

	private final Router api;

	private final Router control;

	private final RateLimiter limiter;

	private final Latency latency;

	private final Faults faults;

	private final RequestLog log;

	RequestPipeline(SandboxClock clock, BasicAuth auth, Router api, Router control, RateLimiter limiter,
			Latency latency, Faults faults, RequestLog log) {
		this.clock = clock;
		this.auth = auth;
		this.api = api;
		this.control = control;
		this.limiter = limiter;
		this.latency = latency;
		this.faults = faults;
		this.log = log;
	}

	@Override
	public void handle(HttpExchange httpExchange) throws IOException {
		ApiExchange exchange = new ApiExchange(httpExchange);
		try {
			if (exchange.path().startsWith("/sandbox/")) {
				ApiResponse response = this.auth.accepts(exchange.header("Authorization"))
						? route(this.control, exchange) : unauthorized();
				exchange.send(response, Map.of());
				return;
			}
			serve(exchange, this.clock.now(), this.clock.realNow());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			exchange.hangUp();
		}
		catch (IOException ex) {
			// the client went away (e.g. after its read timeout): nothing left to answer
			exchange.hangUp();
		}
	}

	private void serve(ApiExchange exchange, Instant sandboxTime, Instant realTime)
			throws IOException, InterruptedException {
		Fault fault = this.faults.next(exchange.method(), exchange.path());
		ApiResponse response = fault.preventsProcessing() ? fault.response() : process(exchange);
		String connectionId = (response != null && response.connectionId() != null) ? response.connectionId()
				: pathConnectionId(exchange);
		boolean applied = response != null && response.successful() && !fault.preventsProcessing();
		int status = (response == null || fault.kind() == Fault.Kind.RESET
				|| fault.kind() == Fault.Kind.RESET_AFTER_APPLYING) ? 0 : response.status();
		this.log.add(new LoggedRequest(0, sandboxTime, realTime, exchange.method(), exchange.path(),
				exchange.rawQuery(), exchange.loggableHeaders(), exchange.bodyText(), status, connectionId, applied,
				fault.kind().label()));
		if (status == 0) {
			exchange.hangUp();
			return;
		}
		if (fault.kind() == Fault.Kind.TIMEOUT) {
			this.clock.sleep(fault.hold());
		}
		exchange.send(response, rateLimitHeaders());
	}

	private ApiResponse process(ApiExchange exchange) throws InterruptedException {
		if (!this.auth.accepts(exchange.header("Authorization"))) {
			return unauthorized();
		}
		Router.Match match;
		try {
			match = this.api.match(exchange.method(), exchange.path());
		}
		catch (ApiException ex) {
			return admit(Cost.READ, ex.toResponse());
		}
		JsonNode body = null;
		ApiException malformed = null;
		try {
			body = exchange.json();
		}
		catch (ApiException ex) {
			malformed = ex;
		}
		ApiRequest request = new ApiRequest(exchange.method(), exchange.path(), exchange.query(), match.variables(),
				body);
		Cost cost = match.route().cost().apply(request);
		ApiResponse rejected = admit(cost, null);
		if (rejected != null) {
			return rejected;
		}
		this.clock.sleep(this.latency.sample(cost, ThreadLocalRandom.current()));
		String connectionId = match.variables().get("connectionId");
		if (malformed != null) {
			return malformed.toResponse().concerning(connectionId);
		}
		return handle(match, request, connectionId);
	}

	private ApiResponse handle(Router.Match match, ApiRequest request, String connectionId) {
		try {
			ApiResponse response = match.route().handler().handle(request);
			return (response.connectionId() != null) ? response : response.concerning(connectionId);
		}
		catch (ApiException ex) {
			return ex.toResponse().concerning(connectionId);
		}
		catch (RuntimeException ex) {
			return ApiResponse.error(500, "InternalError", "Sandbox error: " + ex).concerning(connectionId);
		}
	}

	private static ApiResponse unauthorized() {
		return ApiResponse.error(401, "AuthFailed", "Missing or invalid API key and secret")
			.withHeaders(Map.of("WWW-Authenticate", "Basic realm=\"Fivetran sandbox\""));
	}

	/** Counts the request, or answers 429; returns {@code otherwise} when admitted. */
	private ApiResponse admit(Cost cost, ApiResponse otherwise) {
		RateLimiter.Decision decision = this.limiter.acquire(cost.budgets(), this.clock.now());
		if (decision.admitted()) {
			return otherwise;
		}
		long retryAfter = this.clock.realSecondsRoundedUp(decision.retryAfter());
		return ApiResponse.error(429, "TooManyRequests", decision.message())
			.withHeaders(Map.of("Retry-After", Long.toString(retryAfter)));
	}

	/** The connection named in the path, for requests answered before routing. */
	private String pathConnectionId(ApiExchange exchange) {
		try {
			return this.api.match(exchange.method(), exchange.path()).variables().get("connectionId");
		}
		catch (ApiException ex) {
			return null;
		}
	}

	private ApiResponse route(Router router, ApiExchange exchange) {
		try {
			Router.Match match = router.match(exchange.method(), exchange.path());
			return match.route()
				.handler()
				.handle(new ApiRequest(exchange.method(), exchange.path(), exchange.query(), match.variables(),
						exchange.json()));
		}
		catch (ApiException ex) {
			return ex.toResponse();
		}
		catch (IllegalArgumentException ex) {
			return ApiResponse.error(400, "InvalidInput", ex.getMessage());
		}
		catch (RuntimeException ex) {
			return ApiResponse.error(500, "InternalError", "Sandbox error: " + ex);
		}
	}

	private Map<String, String> rateLimitHeaders() {
		return Map.of("X-Rate-Limit", Integer.toString(this.limiter.quota()), "X-Rate-Limit-Remaining",
				Integer.toString(this.limiter.remaining(this.clock.now())));
	}

}
