package dev.ftbridge.fivetran;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The facade for Fivetran's REST API: sends a {@link FivetranRequest}, unwraps the
 * envelope, follows pagination, and turns every failure into a {@link FivetranException}
 * that says whether a retry could help. Retries happen here and only here, as
 * {@link RetryPolicy} says: failures that a retry can fix are retried a bounded number of
 * times, except where the request may already have been applied and is not idempotent;
 * commands also ride out outages.
 */
public class FivetranClient {

	private static final Logger log = LoggerFactory.getLogger(FivetranClient.class);

	/** How often a call riding out an outage looks whether Fivetran is back. */
	private static final Duration AVAILABILITY_POLL = Duration.ofMillis(200);

	private final FivetranHttp http;

	private final Sleeper sleeper;

	private final FivetranMetrics metrics;

	private final Throttle throttle;

	private final CircuitBreaker breaker;

	private final FivetranAvailability availability;

	private final RetryPolicy retryPolicy;

	/**
	 * Sends delivery probes ({@link Throttle#probeDue}) beside the caller, one at a time:
	 * a probe asked for while one is under way is dropped.
	 */
	private final ThreadPoolExecutor probes = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS,
			new SynchronousQueue<>(), (task) -> {
				Thread thread = new Thread(task, "ftbridge-fivetran-delivery-probe");
				thread.setDaemon(true);
				return thread;
			}, new ThreadPoolExecutor.DiscardPolicy());

	FivetranClient(FivetranHttp http, FivetranProperties properties, Sleeper sleeper, FivetranMetrics metrics,
			Throttle throttle, CircuitBreaker breaker, FivetranAvailability availability) {
		this.breaker = breaker;
		this.availability = availability;
		this.metrics = metrics;
		this.throttle = throttle;
		this.http = http;
		this.sleeper = sleeper;
		this.retryPolicy = new RetryPolicy(properties.maxAttempts(), properties.retryBackoff(), availability);
	}

	/**
	 * Sends a request at command priority for one round of attempts
	 * ({@link OnOutage#GIVE_UP}), and returns the envelope.
	 */
	public FivetranResponse execute(FivetranRequest request) {
		return execute(request, Throttle.Priority.COMMAND, OnOutage.GIVE_UP);
	}

	/**
	 * Sends a request at {@code priority} for one round of attempts
	 * ({@link OnOutage#GIVE_UP}), and returns the envelope.
	 */
	public FivetranResponse execute(FivetranRequest request, Throttle.Priority priority) {
		return execute(request, priority, OnOutage.GIVE_UP);
	}

	/**
	 * Sends the request within the rate budgets, retrying as {@link RetryPolicy} says,
	 * and returns the envelope. A 429 is never the end: every call waits out its
	 * {@code Retry-After}. When the thread is interrupted no further attempt is made.
	 */
	public FivetranResponse execute(FivetranRequest request, Throttle.Priority priority, OnOutage onOutage) {
		// a path that cannot be built is refused before it costs any budget
		request.path();
		RetryPolicy.Call retries = this.retryPolicy.start(request, onOutage);
		int attempt = 0;
		while (true) {
			attempt++;
			try {
				FivetranResponse response = attempt(request, priority, retries.failures() + 1);
				return new FivetranResponse(response.httpStatus(), response.code(), response.message(), response.data(),
						attempt);
			}
			catch (FivetranException ex) {
				ex.withAttempts(attempt);
				if (ex instanceof FivetranException.RateLimited limited) {
					log.warn("Fivetran answered 429 to {} {}; calls of its class wait {} ms", request.method(),
							request.pathTemplate(), wait(limited, retries.failures() + 1).toMillis());
				}
				RetryPolicy.Next next = retries.after(ex);
				if (next instanceof RetryPolicy.Next.GiveUp) {
					throw ex;
				}
				await(request, next, ex, retries.failures());
			}
		}
	}

	/** One attempt: a permit from the throttle, then the exchange. */
	private FivetranResponse attempt(FivetranRequest request, Throttle.Priority priority, int failuresSoFar) {
		Throttle.Permit permit = acquire(request, priority);
		if (this.throttle.probeDue(permit)) {
			this.probes.execute(this::probeDelivery);
		}
		boolean rejected = false;
		try {
			return send(request);
		}
		catch (FivetranException.RateLimited limited) {
			// The limit is the account's: nothing more of this class goes out before the
			// wait.
			rejected = true;
			this.throttle.rejected(permit, wait(limited, failuresSoFar), limited.remaining());
			throw limited;
		}
		finally {
			if (!rejected) {
				this.throttle.answered(permit);
			}
		}
	}

	/**
	 * The cheapest call, sent beside setup tests for its round trip alone: the throttle
	 * learns how long calls take to reach Fivetran right now. At command priority, as it
	 * serves commands (background work would wait behind the very setup tests it
	 * measures).
	 */
	private void probeDelivery() {
		try {
			execute(FivetranRequests.listGroups(1), Throttle.Priority.COMMAND, OnOutage.GIVE_UP);
		}
		catch (FivetranException ex) {
			log.debug("Delivery probe failed: {}", ex.getMessage());
		}
	}

	private void await(FivetranRequest request, RetryPolicy.Next next, FivetranException cause, int failures) {
		if (next instanceof RetryPolicy.Next.Retry retry) {
			if (!retry.delay().isZero()) {
				log.info("Fivetran {} {} failed ({}); attempt {} of {} in {} ms", request.method(),
						request.pathTemplate(), cause.getMessage(), failures + 1, this.retryPolicy.maxAttempts(),
						retry.delay().toMillis());
				sleep(retry.delay(), cause);
			}
		}
		else if (next instanceof RetryPolicy.Next.NewRound round) {
			log.info("Fivetran {} {} still failing ({}); round {} of {} in {} ms", request.method(),
					request.pathTemplate(), cause.getMessage(), round.round(), RetryPolicy.ROUNDS_WHILE_AVAILABLE,
					round.delay().toMillis());
			sleep(round.delay(), cause);
		}
		else {
			log.info("Fivetran unavailable; {} {} waits ({})", request.method(), request.pathTemplate(),
					cause.getMessage());
			try {
				this.availability.awaitAvailable(AVAILABILITY_POLL);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw cause;
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

	/**
	 * Sends a list request and every following page for one round of attempts each;
	 * returns all {@code items}.
	 */
	public Items listAll(FivetranRequest firstPage) {
		return listAll(firstPage, OnOutage.GIVE_UP);
	}

	/**
	 * Sends a list request and every following page at command priority, each page
	 * retried as {@link RetryPolicy} says; returns all {@code items}.
	 */
	public Items listAll(FivetranRequest firstPage, OnOutage onOutage) {
		List<JsonNode> items = new ArrayList<>();
		FivetranRequest page = firstPage;
		int requests = 0;
		while (true) {
			FivetranResponse response = execute(page, Throttle.Priority.COMMAND, onOutage);
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

	private Duration wait(FivetranException.RateLimited limited, int failures) {
		return (limited.retryAfter() != null) ? limited.retryAfter() : this.retryPolicy.backoff(limited, failures);
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
