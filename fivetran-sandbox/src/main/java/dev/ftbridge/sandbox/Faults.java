package dev.ftbridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

import tools.jackson.databind.node.ObjectNode;

/**
 * Switchable fault modes, from Java ({@code sandbox.faults().failNext(3, 503)}), from
 * {@link SandboxSettings#faults()} and from {@code POST /sandbox/faults}. Durations are
 * sandbox time. "Next n" modes count every API request that arrives, whatever it is.
 *
 * <p>
 * Whether the effect was applied, per mode: {@code failNext}, {@code errorRate},
 * {@code outage}, {@code unauthorized} and {@link #resetNext} answer before anything
 * happens (not applied, not counted against rate limits); {@link #timeoutNext} and
 * {@link #resetNextAfterApplying} let the request through (applied, if it succeeds) and
 * then hold or drop the answer: the ambiguous case a client cannot tell apart from the
 * first.
 */
public final class Faults {

	private final SandboxClock clock;

	private final RandomGenerator random;

	private int failNext;

	private int failStatus;

	private double errorRate;

	private int errorStatus = 500;

	private int timeoutNext;

	private Duration timeoutHold = Duration.ZERO;

	private int resetBefore;

	private int resetAfter;

	private Instant outageUntil;

	private boolean unauthorized;

	private String onlyMethod;

	private String onlyPath;

	Faults(SandboxClock clock, RandomGenerator random) {
		this.clock = clock;
		this.random = random;
	}

	/** The next {@code count} requests get {@code status} (e.g. 503), not applied. */
	public synchronized Faults failNext(int count, int status) {
		this.failNext = requireCount(count);
		this.failStatus = requireError(status);
		return this;
	}

	/** Each request gets {@code status} with probability {@code probability}. */
	public synchronized Faults errorRate(double probability, int status) {
		if (!(probability >= 0 && probability <= 1)) {
			throw new IllegalArgumentException("probability must be within 0..1, was " + probability);
		}
		this.errorRate = probability;
		this.errorStatus = requireError(status);
		return this;
	}

	/**
	 * The next {@code count} requests are applied, then their answer is held for
	 * {@code hold} (sandbox time): longer than a client's read timeout, the client cannot
	 * tell whether the effect happened.
	 */
	public synchronized Faults timeoutNext(int count, Duration hold) {
		this.timeoutNext = requireCount(count);
		this.timeoutHold = hold;
		return this;
	}

	/** The next {@code count} connections are closed without an answer, not applied. */
	public synchronized Faults resetNext(int count) {
		this.resetBefore = requireCount(count);
		return this;
	}

	/**
	 * The next {@code count} requests are applied, then their connection is closed
	 * without an answer.
	 */
	public synchronized Faults resetNextAfterApplying(int count) {
		this.resetAfter = requireCount(count);
		return this;
	}

	/** Every request gets 503 for {@code duration} of sandbox time from now. */
	public synchronized Faults outage(Duration duration) {
		this.outageUntil = this.clock.now().plus(duration);
		return this;
	}

	/** Every request gets 401 {@code AuthFailed} while on. */
	public synchronized Faults unauthorized(boolean on) {
		this.unauthorized = on;
		return this;
	}

	/**
	 * The "next n" faults ({@code failNext}, {@code resetNext},
	 * {@code resetNextAfterApplying}, {@code timeoutNext}) count and hit only requests
	 * with this method and path (e.g. {@code POST /v1/connections}), so that a test can
	 * lose the answer of one call among the reads around it. Cleared by {@link #clear()}.
	 */
	public synchronized Faults onlyFor(String method, String path) {
		this.onlyMethod = method;
		this.onlyPath = path;
		return this;
	}

	/** Switches every fault off. */
	public synchronized Faults clear() {
		this.failNext = 0;
		this.errorRate = 0;
		this.timeoutNext = 0;
		this.resetBefore = 0;
		this.resetAfter = 0;
		this.outageUntil = null;
		this.unauthorized = false;
		this.onlyMethod = null;
		this.onlyPath = null;
		return this;
	}

	/** Decides the fault for the request that just arrived, using up "next n" counts. */
	synchronized Fault next() {
		return next(null, null);
	}

	/**
	 * Decides the fault for a request with this method and path, using up "next n" counts
	 * when it is one they apply to.
	 */
	synchronized Fault next(String method, String path) {
		if (this.unauthorized) {
			return new Fault(Fault.Kind.UNAUTHORIZED, 401, null);
		}
		if (this.outageUntil != null && this.clock.now().isBefore(this.outageUntil)) {
			return new Fault(Fault.Kind.OUTAGE, 503, null);
		}
		if (this.onlyMethod != null && !(this.onlyMethod.equals(method) && this.onlyPath.equals(path))) {
			return (this.errorRate > 0 && this.random.nextDouble() < this.errorRate)
					? new Fault(Fault.Kind.ERROR_RATE, this.errorStatus, null) : Fault.NONE;
		}
		if (this.failNext > 0) {
			this.failNext--;
			return new Fault(Fault.Kind.FAIL_NEXT, this.failStatus, null);
		}
		if (this.resetBefore > 0) {
			this.resetBefore--;
			return new Fault(Fault.Kind.RESET, 0, null);
		}
		if (this.errorRate > 0 && this.random.nextDouble() < this.errorRate) {
			return new Fault(Fault.Kind.ERROR_RATE, this.errorStatus, null);
		}
		if (this.resetAfter > 0) {
			this.resetAfter--;
			return new Fault(Fault.Kind.RESET_AFTER_APPLYING, 0, null);
		}
		if (this.timeoutNext > 0) {
			this.timeoutNext--;
			return new Fault(Fault.Kind.TIMEOUT, 0, this.timeoutHold);
		}
		return Fault.NONE;
	}

	/** The current modes, as {@code GET /sandbox/faults} shows them. */
	synchronized ObjectNode toJson() {
		ObjectNode json = Json.object();
		json.putObject("failNext").put("count", this.failNext).put("status", this.failStatus);
		json.putObject("errorRate").put("probability", this.errorRate).put("status", this.errorStatus);
		json.putObject("timeoutNext").put("count", this.timeoutNext).put("hold", this.timeoutHold.toString());
		json.putObject("resetNext").put("count", this.resetBefore);
		json.putObject("resetNextAfterApplying").put("count", this.resetAfter);
		json.put("outageUntil", (this.outageUntil != null) ? Json.timestamp(this.outageUntil) : null);
		json.put("unauthorized", this.unauthorized);
		return json;
	}

	private static int requireCount(int count) {
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative, was " + count);
		}
		return count;
	}

	private static int requireError(int status) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("status must be 4xx or 5xx, was " + status);
		}
		return status;
	}

}
