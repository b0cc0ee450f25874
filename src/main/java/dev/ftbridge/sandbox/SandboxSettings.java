package dev.ftbridge.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link FivetranSandbox} runs. Every duration is sandbox time (see
 * {@link SandboxClock}).
 *
 * @param host the address to bind; {@code 127.0.0.1} unless the sandbox must be reachable
 * from elsewhere (e.g. a container)
 * @param port the port; 0 picks a free one
 * @param apiKey the API key clients must send with HTTP Basic; no default
 * @param apiSecret the API secret clients must send; no default
 * @param timeScale how many times faster than real time sandbox time runs
 * @param limits the per-account rate limits
 * @param latency the latency per endpoint class
 * @param lifecycle how long syncs and transformation runs take
 * @param faults the faults active from the start
 * @param requestLogCapacity how many requests the log keeps (the oldest go first)
 */
public record SandboxSettings(String host, int port, String apiKey, String apiSecret, double timeScale, Limits limits,
		Latency latency, Lifecycle lifecycle, FaultSettings faults, int requestLogCapacity) {

	public SandboxSettings {
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(limits, "limits");
		Objects.requireNonNull(latency, "latency");
		Objects.requireNonNull(lifecycle, "lifecycle");
		Objects.requireNonNull(faults, "faults");
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be 0..65535, was " + port);
		}
		if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
			throw new IllegalArgumentException("timeScale must be a positive number, was " + timeScale);
		}
		if (requestLogCapacity < 1) {
			throw new IllegalArgumentException("requestLogCapacity must be at least 1");
		}
	}

	/**
	 * Loopback, a free port, real time, paid-plan limits, Fivetran-like latency, no
	 * faults, and no credentials: set them with {@link #withCredentials}.
	 */
	public static SandboxSettings defaults() {
		return new SandboxSettings("127.0.0.1", 0, null, null, 1.0, Limits.paid(), Latency.defaults(),
				Lifecycle.defaults(), FaultSettings.none(), 100_000);
	}

	public SandboxSettings withHost(String host) {
		return new SandboxSettings(host, this.port, this.apiKey, this.apiSecret, this.timeScale, this.limits,
				this.latency, this.lifecycle, this.faults, this.requestLogCapacity);
	}

	public SandboxSettings withPort(int port) {
		return new SandboxSettings(this.host, port, this.apiKey, this.apiSecret, this.timeScale, this.limits,
				this.latency, this.lifecycle, this.faults, this.requestLogCapacity);
	}

	public SandboxSettings withCredentials(String apiKey, String apiSecret) {
		return new SandboxSettings(this.host, this.port, apiKey, apiSecret, this.timeScale, this.limits, this.latency,
				this.lifecycle, this.faults, this.requestLogCapacity);
	}

	public SandboxSettings withTimeScale(double timeScale) {
		return new SandboxSettings(this.host, this.port, this.apiKey, this.apiSecret, timeScale, this.limits,
				this.latency, this.lifecycle, this.faults, this.requestLogCapacity);
	}

	public SandboxSettings withLimits(Limits limits) {
		return new SandboxSettings(this.host, this.port, this.apiKey, this.apiSecret, this.timeScale, limits,
				this.latency, this.lifecycle, this.faults, this.requestLogCapacity);
	}

	public SandboxSettings withLatency(Latency latency) {
		return new SandboxSettings(this.host, this.port, this.apiKey, this.apiSecret, this.timeScale, this.limits,
				latency, this.lifecycle, this.faults, this.requestLogCapacity);
	}

	public SandboxSettings withLifecycle(Lifecycle lifecycle) {
		return new SandboxSettings(this.host, this.port, this.apiKey, this.apiSecret, this.timeScale, this.limits,
				this.latency, lifecycle, this.faults, this.requestLogCapacity);
	}

	public SandboxSettings withFaults(FaultSettings faults) {
		return new SandboxSettings(this.host, this.port, this.apiKey, this.apiSecret, this.timeScale, this.limits,
				this.latency, this.lifecycle, faults, this.requestLogCapacity);
	}

	public SandboxSettings withRequestLogCapacity(int requestLogCapacity) {
		return new SandboxSettings(this.host, this.port, this.apiKey, this.apiSecret, this.timeScale, this.limits,
				this.latency, this.lifecycle, this.faults, requestLogCapacity);
	}

	@Override
	public String toString() {
		return "SandboxSettings[host=" + this.host + ", port=" + this.port + ", apiKey=" + this.apiKey
				+ ", apiSecret=******, timeScale=" + this.timeScale + ", limits=" + this.limits + ", latency="
				+ this.latency + ", lifecycle=" + this.lifecycle + ", faults=" + this.faults + "]";
	}

	/**
	 * How long simulated work takes, in sandbox time.
	 *
	 * @param syncDuration from sync start to sync end
	 * @param transformationDuration from run start to run end
	 */
	public record Lifecycle(Duration syncDuration, Duration transformationDuration) {

		public Lifecycle {
			Objects.requireNonNull(syncDuration, "syncDuration");
			Objects.requireNonNull(transformationDuration, "transformationDuration");
		}

		/** A five-minute sync and a two-minute transformation run. */
		public static Lifecycle defaults() {
			return new Lifecycle(Duration.ofMinutes(5), Duration.ofMinutes(2));
		}

	}

	/**
	 * Faults active from the start; change them later through {@link Faults}.
	 *
	 * @param errorRate the share of requests answered with {@code errorStatus} (0..1)
	 * @param errorStatus the status for those
	 * @param unauthorized whether every request gets 401
	 */
	public record FaultSettings(double errorRate, int errorStatus, boolean unauthorized) {

		public static FaultSettings none() {
			return new FaultSettings(0, 500, false);
		}

	}

}
