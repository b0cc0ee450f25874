package dev.ftbridge.fivetran;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * One HTTP exchange with Fivetran: the URI (encoded once), the {@code Accept} version,
 * the JSON body, the {@code {code, message, data}} envelope, and every failure mapped to
 * a {@link FivetranException} that says whether a retry could help. No retries, budgets
 * or circuit here: {@link FivetranClient} decides those.
 */
class FivetranHttp {

	private static final MediaType JSON_V2 = MediaType.parseMediaType("application/json;version=2");

	private final RestClient http;

	private final JsonMapper json;

	private final URI baseUrl;

	private final BiConsumer<Integer, Duration> remaining;

	private final Duration maxRetryAfter;

	private final Clock clock;

	/**
	 * @param remaining told every {@code X-Rate-Limit-Remaining} Fivetran reports, with
	 * the time until its count resets where it also sends {@code X-Rate-Limit-Reset}
	 */
	FivetranHttp(RestClient http, JsonMapper json, URI baseUrl, BiConsumer<Integer, Duration> remaining,
			Duration maxRetryAfter, Clock clock) {
		this.maxRetryAfter = maxRetryAfter;
		this.clock = clock;
		this.http = http;
		this.json = json;
		this.baseUrl = baseUrl;
		this.remaining = remaining;
	}

	/** Sends the request once; the answer, or the failure as a typed exception. */
	FivetranResponse exchange(FivetranRequest request) {
		try {
			RestClient.RequestBodySpec spec = this.http.method(request.method())
				.uri(uri(request))
				.accept(request.acceptVersion2() ? JSON_V2 : MediaType.APPLICATION_JSON);
			if (request.body() != null) {
				spec.contentType(MediaType.APPLICATION_JSON).body(this.json.writeValueAsBytes(request.body()));
			}
			return spec.exchange((req, res) -> {
				Integer left = observeRemaining(res.getHeaders().getFirst("X-Rate-Limit-Remaining"),
						res.getHeaders().getFirst("X-Rate-Limit-Reset"));
				return toResponse(res.getStatusCode(), res.getHeaders().getFirst("Retry-After"), left,
						res.getBody().readAllBytes());
			}, true);
		}
		catch (ResourceAccessException ex) {
			throw unavailable(ex);
		}
	}

	private Integer observeRemaining(String header, String resetHeader) {
		if (header == null) {
			return null;
		}
		try {
			int left = Integer.parseInt(header.trim());
			this.remaining.accept(left, reset(resetHeader));
			return left;
		}
		catch (NumberFormatException ex) {
			// not a number: nothing to learn from it
			return null;
		}
	}

	/**
	 * {@code X-Rate-Limit-Reset} (not documented by Fivetran; read where present):
	 * seconds until the count resets, or (a value past 10^9) the epoch second it resets
	 * at.
	 */
	private Duration reset(String header) {
		if (header == null || header.isBlank() || !header.trim().chars().allMatch(Character::isDigit)
				|| header.trim().length() > 18) {
			return null;
		}
		long value = Long.parseLong(header.trim());
		long seconds = (value > 1_000_000_000L) ? Math.max(0, value - this.clock.instant().getEpochSecond()) : value;
		Duration reset = Duration.ofSeconds(seconds);
		return (reset.compareTo(this.maxRetryAfter) > 0) ? this.maxRetryAfter : reset;
	}

	/**
	 * The full URI, encoded here exactly once: path segments and query values are data.
	 */
	private URI uri(FivetranRequest request) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUri(this.baseUrl).path(request.path());
		request.query()
			.forEach((name, value) -> uri.queryParam(UriUtils.encodeQueryParam(name, StandardCharsets.UTF_8),
					UriUtils.encode(value, StandardCharsets.UTF_8)));
		return uri.build(true).toUri();
	}

	private FivetranResponse toResponse(HttpStatusCode status, String retryAfter, Integer remaining, byte[] body) {
		Envelope envelope = Envelope.parse(this.json, body);
		int code = status.value();
		if (status.is2xxSuccessful()) {
			return new FivetranResponse(code, envelope.code(), envelope.message(), envelope.data(), 1);
		}
		String message = "HTTP " + code + ((envelope.message() != null) ? ": " + envelope.message() : "");
		if (code == 401) {
			throw new FivetranException.Unauthorized(envelope.code(), message);
		}
		if (code == 429) {
			throw new FivetranException.RateLimited(envelope.code(), message,
					RetryAfter.parse(retryAfter, this.clock, this.maxRetryAfter), remaining);
		}
		if (status.is5xxServerError()) {
			throw new FivetranException.Unavailable(code, envelope.code(), message, true, null);
		}
		throw new FivetranException.Rejected(code, envelope.code(), message);
	}

	private static FivetranException unavailable(ResourceAccessException ex) {
		Throwable cause = ex.getCause();
		boolean notSent = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
		String what = notSent ? "could not connect to Fivetran" : "no answer from Fivetran";
		String detail = (cause instanceof IOException && cause.getMessage() != null) ? ": " + cause.getMessage() : "";
		return new FivetranException.Unavailable(0, null, what + detail, !notSent, ex);
	}

	/**
	 * The {@code {code, message, data}} envelope; tolerant of bodies that are not JSON.
	 */
	private record Envelope(String code, String message, JsonNode data) {

		static Envelope parse(JsonMapper json, byte[] body) {
			if (body.length == 0) {
				return new Envelope(null, null, null);
			}
			try {
				JsonNode node = json.readTree(body);
				return new Envelope(node.path("code").asString(null), node.path("message").asString(null),
						node.get("data"));
			}
			catch (JacksonException ex) {
				String text = new String(body, StandardCharsets.UTF_8);
				return new Envelope(null, (text.length() > 200) ? text.substring(0, 200) : text, null);
			}
		}

	}

}
