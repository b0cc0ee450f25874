package dev.ftbridge.fivetran;

import java.time.Duration;

/**
 * A call to Fivetran that did not succeed. The subtypes say whether trying again could
 * help and whether Fivetran may have applied the effect anyway.
 */
public abstract sealed class FivetranException extends RuntimeException {

	private final int httpStatus;

	private final String code;

	private int attempts = 1;

	FivetranException(String message, int httpStatus, String code, Throwable cause) {
		super(message, cause);
		this.httpStatus = httpStatus;
		this.code = code;
	}

	/** Whether the same request could succeed later. */
	public abstract boolean retryable();

	/**
	 * Whether Fivetran may have applied the request although no success was seen (a
	 * timeout or reset after the request was sent, a 5xx).
	 */
	public abstract boolean ambiguous();

	/** The HTTP status, or 0 when no response arrived. */
	public int httpStatus() {
		return this.httpStatus;
	}

	/** Whether Fivetran said the resource does not exist (HTTP 404). */
	public boolean notFound() {
		return this.httpStatus == 404;
	}

	/** Fivetran's {@code code} from the error envelope, or {@code null}. */
	public String code() {
		return this.code;
	}

	/** How many times the request was sent before giving up. */
	public int attempts() {
		return this.attempts;
	}

	FivetranException withAttempts(int attempts) {
		this.attempts = attempts;
		return this;
	}

	/** Fivetran said no (4xx other than 401 and 429): sending it again will not help. */
	public static final class Rejected extends FivetranException {

		Rejected(int httpStatus, String code, String message) {
			super(message, httpStatus, code, null);
		}

		@Override
		public boolean retryable() {
			return false;
		}

		@Override
		public boolean ambiguous() {
			return false;
		}

	}

	/** The credentials were refused (401): an operator problem, not a command problem. */
	public static final class Unauthorized extends FivetranException {

		Unauthorized(String code, String message) {
			super(message, 401, code, null);
		}

		@Override
		public boolean retryable() {
			return false;
		}

		@Override
		public boolean ambiguous() {
			return false;
		}

	}

	/** Fivetran's rate limit was hit (429); {@link #retryAfter()} says for how long. */
	public static final class RateLimited extends FivetranException {

		private final Duration retryAfter;

		private final Integer remaining;

		RateLimited(String code, String message, Duration retryAfter) {
			this(code, message, retryAfter, null);
		}

		RateLimited(String code, String message, Duration retryAfter, Integer remaining) {
			super(message, 429, code, null);
			this.retryAfter = retryAfter;
			this.remaining = remaining;
		}

		/**
		 * The answer's {@code X-Rate-Limit-Remaining}, or {@code null}: above zero, the
		 * account's request quota was not what ran out.
		 */
		public Integer remaining() {
			return this.remaining;
		}

		/** The wait Fivetran asked for, or {@code null} when it gave none. */
		public Duration retryAfter() {
			return this.retryAfter;
		}

		@Override
		public boolean retryable() {
			return true;
		}

		@Override
		public boolean ambiguous() {
			return false;
		}

	}

	/**
	 * Fivetran could not be reached or failed (5xx, I/O error, timeout). When the request
	 * was sent, its effect is unknown.
	 */
	public static final class Unavailable extends FivetranException {

		private final boolean requestSent;

		Unavailable(int httpStatus, String code, String message, boolean requestSent, Throwable cause) {
			super(message, httpStatus, code, cause);
			this.requestSent = requestSent;
		}

		@Override
		public boolean retryable() {
			return true;
		}

		@Override
		public boolean ambiguous() {
			return this.requestSent;
		}

	}

}
