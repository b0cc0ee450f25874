package dev.ftbridge.fivetran;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

/**
 * The facade for Fivetran's REST API: sends a {@link FivetranRequest}, unwraps the
 * envelope, follows pagination, and turns every failure into a {@link FivetranException}
 * that says whether a retry could help. Failures that a retry can fix are retried a
 * bounded number of times, except where the request may already have been applied and is
 * not idempotent.
 */
public class FivetranClient {

	private static final Logger log = LoggerFactory.getLogger(FivetranClient.class);

	private static final MediaType JSON_V2 = MediaType.parseMediaType("application/json;version=2");

	private final FivetranHttp http;

	private final FivetranProperties properties;

	private final Sleeper sleeper;

	private final FivetranMetrics metrics;

	private final Throttle throttle;

	private final CircuitBreaker breaker;

	private final FivetranAvailability availability;

	FivetranClient(FivetranHttp http, FivetranProperties properties, Sleeper sleeper, FivetranMetrics metrics,
			Throttle throttle, CircuitBreaker breaker, FivetranAvailability availability) {
		this.breaker = breaker;
		this.availability = availability;
		this.metrics = metrics;
		this.throttle = throttle;
		this.http = http;
		this.properties = properties;
		this.sleeper = sleeper;
	}

	/**
	 * Sends a command's request, retrying where that is safe, and returns the envelope.
	 */
	public FivetranResponse execute(FivetranRequest request) {
		return execute(request, Throttle.Priority.COMMAND);
	}

	/**
	 * Sends the request within the rate budgets, retrying where that is safe, and returns
	 * the envelope. A 429 is never the end: every call waits out its {@code Retry-After}.
	 */
	public FivetranResponse execute(FivetranRequest request, Throttle.Priority priority) {
		// a path that cannot be built is refused before it costs any budget
		request.path();
		int attempt = 0;
		int failures = 0;
		while (true) {
			attempt++;
			try {
				Throttle.Permit permit = acquire(request, priority);
				FivetranResponse response;
				boolean rejected = false;
				try {
					response = send(request);
				}
				catch (FivetranException.RateLimited limited) {
					// The limit is the account's: nothing more of this class goes out
					// before
					// the wait.
					rejected = true;
					this.throttle.rejected(permit, wait(limited, failures + 1), limited.remaining());
					throw limited;
				}
				finally {
					if (!rejected) {
						this.throttle.answered(permit);
					}
				}
				return new FivetranResponse(response.httpStatus(), response.code(), response.message(), response.data(),
						attempt);
			}
			catch (FivetranException ex) {
				ex.withAttempts(attempt);
				failures++;
				if (ex instanceof FivetranException.RateLimited limited) {
					log.warn("Fivetran answered 429 to {} {}; calls of its class wait {} ms", request.method(),
							request.pathTemplate(), wait(limited, failures).toMillis());
				}
				if (!shouldRetry(request, ex, failures)) {
					throw ex;
				}
				if (ex instanceof FivetranException.RateLimited) {
					continue;
				}
				Duration wait = backoff(ex, failures);
				log.info("Fivetran {} {} failed ({}); attempt {} of {} in {} ms", request.method(),
						request.pathTemplate(), ex.getMessage(), failures + 1, this.properties.maxAttempts(),
						wait.toMillis());
				sleep(wait, ex);
			}
		}
	}

	private Throttle.Permit acquire(FivetranRequest request, Throttle.Priority priority) {
		try {
			Throttle.Permit permit = this.throttle.acquire(request.budgets(), priority);
			this.metrics.throttled(permit.waited());
			return permit;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FivetranException.Unavailable(0, null, "interrupted while waiting for rate budget", false, ex);
		}
	}

	private void sleep(Duration wait, FivetranException cause) {
		try {
			this.sleeper.sleep(wait);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw cause;
		}
	}

	/** Sends a list request and every following page; returns all {@code items}. */
	public Items listAll(FivetranRequest firstPage) {
		List<JsonNode> items = new ArrayList<>();
		FivetranRequest page = firstPage;
		int requests = 0;
		while (true) {
			FivetranResponse response = execute(page);
			requests += response.attempts();
			Page<JsonNode> read = Page.of(response.data(), (item) -> item);
			items.addAll(read.items());
			if (!read.hasNext()) {
				return new Items(items, requests);
			}
			page = firstPage.withQuery("cursor", read.nextCursor());
		}
	}

	/**
	 * Every item of a paginated list.
	 *
	 * @param items the items of all pages, in order
	 * @param requests how many requests it took
	 */
	public record Items(List<JsonNode> items, int requests) {

		public Items {
			items = List.copyOf(items);
		}

		/** The items read as connections (for a list of a group's connections). */
		public List<ConnectionDetails> connections() {
			return this.items.stream().map(ConnectionDetails::of).toList();
		}

	}

	private boolean shouldRetry(FivetranRequest request, FivetranException ex, int attempt) {
		if (!ex.retryable() || attempt >= this.properties.maxAttempts()) {
			return false;
		}
		// Never send a non-idempotent effect again without knowing whether the first
		// landed.
		return request.idempotent() || !ex.ambiguous();
	}

	private Duration wait(FivetranException.RateLimited limited, int failures) {
		return (limited.retryAfter() != null) ? limited.retryAfter() : backoff(limited, failures);
	}

	private Duration backoff(FivetranException ex, int attempt) {
		if (ex instanceof FivetranException.RateLimited limited && limited.retryAfter() != null) {
			return limited.retryAfter();
		}
		long base = this.properties.retryBackoff().toMillis() << Math.min(attempt - 1, 10);
		return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
	}

	private FivetranResponse send(FivetranRequest request) {
		if (!this.breaker.tryAcquirePermission()) {
			throw new FivetranException.Unavailable(0, null,
					"Fivetran's circuit is open after sustained failures; not sent", false, null);
		}
		long start = System.nanoTime();
		int status = 0;
		try {
			FivetranResponse response = this.http.exchange(request);
			status = response.httpStatus();
			this.breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			this.availability.authorized();
			return response;
		}
		catch (FivetranException ex) {
			status = ex.httpStatus();
			if (ex instanceof FivetranException.Unavailable) {
				this.breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
			}
			else {
				// Fivetran answered: not an outage, whatever it said.
				this.breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			}
			if (ex instanceof FivetranException.Unauthorized) {
				this.availability.unauthorized(ex.getMessage());
			}
			throw ex;
		}
		finally {
			this.metrics.call(request, status, Duration.ofNanos(System.nanoTime() - start));
		}
	}

	/** Waits between attempts; a seam so tests need not wait. */
	@FunctionalInterface
	interface Sleeper {

		void sleep(Duration duration) throws InterruptedException;

	}

}
