package dev.ftbridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.ftbridge.sandbox.Cost.Budget;

/**
 * The account's rate limits: a rolling window per limit. A request is admitted only when
 * every window of every budget it counts against has room; a rejected request takes no
 * slot anywhere.
 */
final class RateLimiter {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private static final Duration HOUR = Duration.ofHours(1);

	private final Limits limits;

	private final List<Window> windows = new ArrayList<>();

	private final Window requestsPerHour;

	RateLimiter(Limits limits) {
		this.limits = limits;
		this.requestsPerHour = add(Budget.REQUESTS, limits.requestsPerHour(), HOUR);
		add(Budget.SETUP_TESTS, limits.setupTestsPerMinute(), MINUTE);
		add(Budget.SETUP_TESTS, limits.setupTestsPerHour(), HOUR);
		add(Budget.SOURCE_INTERACTIONS, limits.sourceInteractionsPerMinute(), MINUTE);
		add(Budget.SOURCE_INTERACTIONS, limits.sourceInteractionsPerHour(), HOUR);
		add(Budget.USER_CREATIONS, limits.userCreationsPerHour(), HOUR);
	}

	/**
	 * Admits the request and counts it against its budgets, or says how long until it
	 * would fit (the longest wait among the exhausted windows).
	 */
	synchronized Decision acquire(Set<Budget> budgets, Instant now) {
		if (!this.limits.enabled()) {
			return Decision.ADMITTED;
		}
		Window exhausted = null;
		Duration wait = Duration.ZERO;
		for (Window window : this.windows) {
			if (budgets.contains(window.budget)) {
				Duration until = window.rolling.waitTime(now);
				if (until.compareTo(wait) > 0) {
					wait = until;
					exhausted = window;
				}
			}
		}
		if (exhausted != null) {
			return new Decision(false, wait, exhausted.message());
		}
		this.windows.stream().filter((window) -> budgets.contains(window.budget)).forEach((w) -> w.rolling.admit(now));
		return Decision.ADMITTED;
	}

	/** The {@code X-Rate-Limit} quota: all requests per hour. */
	int quota() {
		return this.limits.requestsPerHour();
	}

	/** The {@code X-Rate-Limit-Remaining} value: requests left in the rolling hour. */
	synchronized int remaining(Instant now) {
		if (!this.limits.enabled() || this.requestsPerHour == null) {
			return quota();
		}
		return this.requestsPerHour.rolling.remaining(now);
	}

	synchronized void clear() {
		this.windows.forEach((window) -> window.rolling.clear());
	}

	private Window add(Budget budget, int limit, Duration length) {
		if (limit == Limits.UNLIMITED) {
			return null;
		}
		Window window = new Window(budget, length, new RollingWindow(limit, length));
		this.windows.add(window);
		return window;
	}

	/**
	 * Whether a request may proceed.
	 *
	 * @param admitted whether it was admitted (and counted)
	 * @param retryAfter sandbox time until it would fit, when not admitted
	 * @param message the {@code TooManyRequests} message, when not admitted
	 */
	record Decision(boolean admitted, Duration retryAfter, String message) {

		static final Decision ADMITTED = new Decision(true, Duration.ZERO, null);

	}

	private record Window(Budget budget, Duration length, RollingWindow rolling) {

		String message() {
			String per = length.equals(MINUTE) ? "per minute" : "per hour";
			return "No more than " + this.rolling.limit() + " " + this.budget.description() + " can be made " + per;
		}

	}

}
