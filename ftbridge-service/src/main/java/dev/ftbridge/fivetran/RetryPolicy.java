package dev.ftbridge.fivetran;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one retry policy for calls to Fivetran; {@link FivetranClient} asks it after every
 * failed attempt what comes next.
 * <ul>
 * <li><b>A round</b> is up to {@code maxAttempts} attempts (3 by default) for failures a
 * retry can fix, never sending a non-idempotent request again when the first may have
 * landed. Attempts are spaced by {@code retryBackoff} doubling each time (jitter: half to
 * full), or, after a 429, by its {@code Retry-After}, which the throttle enforces.</li>
 * <li><b>Riding outages</b> ({@link OnOutage#WAIT}, what commands do): when a round ends
 * in an outage — Fivetran unreachable or failing where a retry is safe, or credentials
 * refused — the call waits for Fivetran while it is unavailable (circuit open,
 * credentials refused), for as long as that lasts, and starts a new round; while Fivetran
 * looks available but this call keeps failing, it starts a new round after {@code 4 ×
 * retryBackoff}, and gives up when the third such round ends. Rounds that fail while the
 * circuit is half-open (probing whether an outage is over) do not count: they are part of
 * the outage. A command therefore sends a call at most {@code 3 × maxAttempts} times (9
 * by default) while Fivetran is available.</li>
 * </ul>
 */
final class RetryPolicy {

	/** Rounds that may end in an outage while Fivetran looks available. */
	static final int ROUNDS_WHILE_AVAILABLE = 3;

	private final int maxAttempts;

	private final Duration backoff;

	private final FivetranAvailability availability;

	RetryPolicy(int maxAttempts, Duration backoff, FivetranAvailability availability) {
		this.maxAttempts = maxAttempts;
		this.backoff = backoff;
		this.availability = availability;
	}

	/** The retry state of one call. */
	Call start(FivetranRequest request, OnOutage onOutage) {
		return new Call(request, onOutage);
	}

	int maxAttempts() {
		return this.maxAttempts;
	}

	/**
	 * The wait before attempt {@code failures + 1} of a round: {@code Retry-After} when a
	 * 429 says it, else exponential backoff with jitter.
	 */
	Duration backoff(FivetranException ex, int failures) {
		if (ex instanceof FivetranException.RateLimited limited && limited.retryAfter() != null) {
			return limited.retryAfter();
		}
		long base = this.backoff.toMillis() << Math.min(failures - 1, 10);
		return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
	}

	/** What comes after a failed attempt. */
	sealed interface Next {

		/** The next attempt of this round, after {@code delay} (zero after a 429). */
		record Retry(Duration delay) implements Next {
		}

		/** A new round after {@code delay}: Fivetran looks available. */
		record NewRound(Duration delay, int round) implements Next {
		}

		/** A new round once Fivetran is available again. */
		record AwaitAvailable() implements Next {
		}

		/** No further attempt: the failure is the call's answer. */
		record GiveUp() implements Next {
		}

	}

	/** The retry state of one call: failures in this round, rounds ended. */
	final class Call {

		private final FivetranRequest request;

		private final OnOutage onOutage;

		private int failures;

		private int rounds;

		private Call(FivetranRequest request, OnOutage onOutage) {
			this.request = request;
			this.onOutage = onOutage;
		}

		/** Failed attempts in the current round. */
		int failures() {
			return this.failures;
		}

		/** Records a failed attempt and says what comes next. */
		Next after(FivetranException ex) {
			this.failures++;
			if (Thread.currentThread().isInterrupted()) {
				return new Next.GiveUp();
			}
			if (retryableInRound(ex)) {
				return new Next.Retry(
						(ex instanceof FivetranException.RateLimited) ? Duration.ZERO : backoff(ex, this.failures));
			}
			if (this.onOutage != OnOutage.WAIT || !isOutage(ex)) {
				return new Next.GiveUp();
			}
			this.failures = 0;
			if (!RetryPolicy.this.availability.available()) {
				return new Next.AwaitAvailable();
			}
			if (RetryPolicy.this.availability.probing()) {
				// The circuit is testing whether the outage is over: a round failing
				// now is part of the outage, not a sign that this call cannot succeed,
				// so it does not count towards giving up.
				return new Next.NewRound(RetryPolicy.this.backoff.multipliedBy(4), this.rounds + 1);
			}
			if (++this.rounds >= ROUNDS_WHILE_AVAILABLE) {
				return new Next.GiveUp();
			}
			return new Next.NewRound(RetryPolicy.this.backoff.multipliedBy(4), this.rounds + 1);
		}

		private boolean retryableInRound(FivetranException ex) {
			if (!ex.retryable() || this.failures >= RetryPolicy.this.maxAttempts) {
				return false;
			}
			// Never send a non-idempotent effect again without knowing whether the
			// first landed.
			return this.request.idempotent() || !ex.ambiguous();
		}

		/**
		 * An outage rather than an answer: Fivetran was unreachable or failing and the
		 * call can safely go again, or the credentials were refused (an operator
		 * problem).
		 */
		private boolean isOutage(FivetranException ex) {
			if (ex instanceof FivetranException.Unauthorized) {
				return true;
			}
			return ex instanceof FivetranException.Unavailable && (this.request.idempotent() || !ex.ambiguous());
		}

	}

}
