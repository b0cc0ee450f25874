package dev.ftbridge.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sandbox time: starts at the real time of creation and runs {@code timeScale} times
 * faster than the real {@link Clock} underneath. Converts durations between the two, so
 * one sandbox hour can pass in one real minute ({@code timeScale = 60}).
 */
public final class SandboxClock {

	private final Clock real;

	private final double timeScale;

	private final Instant origin;

	public SandboxClock(Clock real, double timeScale) {
		if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
			throw new IllegalArgumentException("timeScale must be a positive number, was " + timeScale);
		}
		this.real = real;
		this.timeScale = timeScale;
		this.origin = real.instant();
	}

	/** The current sandbox time. */
	public Instant now() {
		return this.origin.plus(toSandbox(Duration.between(this.origin, this.real.instant())));
	}

	/** The current real time (of the underlying clock). */
	public Instant realNow() {
		return this.real.instant();
	}

	public double timeScale() {
		return this.timeScale;
	}

	/** How long a sandbox duration takes in real time. */
	public Duration toReal(Duration sandbox) {
		return Duration.ofNanos(Math.round(sandbox.toNanos() / this.timeScale));
	}

	/** How much sandbox time passes in a real duration. */
	public Duration toSandbox(Duration real) {
		return Duration.ofNanos(Math.round(real.toNanos() * this.timeScale));
	}

	/**
	 * A sandbox duration as whole real seconds, rounded up and at least 1: the value for
	 * a {@code Retry-After} header that a real client honours.
	 */
	public long realSecondsRoundedUp(Duration sandbox) {
		double seconds = toReal(sandbox).toNanos() / 1e9;
		return Math.max(1, (long) Math.ceil(seconds - 1e-9));
	}

	/** Sleeps for the real equivalent of a sandbox duration. */
	public void sleep(Duration sandbox) throws InterruptedException {
		Duration real = toReal(sandbox);
		if (!real.isNegative() && !real.isZero()) {
			Thread.sleep(real.toMillis(), real.toNanosPart() % 1_000_000);
		}
	}

}
