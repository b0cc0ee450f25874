package dev.ftbridge.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * @param requestLogCapacity how many requests (and webhook delivery attempts) the logs
 * keep (the oldest go first)
 * @param webhooks webhook targets that exist without an API call (they get every event)
 * @param webhooksEnabled whether lifecycle events are delivered to webhooks at all
 * @param webhookTimeout how long one delivery attempt waits for an answer, in <b>real</b>
 * time (like {@code Retry-After}, it concerns a real peer)
 */
public record SandboxSettings(String host, int port, String apiKey, String apiSecret, double timeScale, Limits limits,
		Latency latency, Lifecycle lifecycle, FaultSettings faults, int requestLogCapacity,
		List<WebhookTarget> webhooks, boolean webhooksEnabled, Duration webhookTimeout) {

	/** The default real-time timeout of one webhook delivery attempt. */
	public static final Duration DEFAULT_WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

	public SandboxSettings {
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(limits, "limits");
		Objects.requireNonNull(latency, "latency");
		Objects.requireNonNull(lifecycle, "lifecycle");
		Objects.requireNonNull(faults, "faults");
		webhooks = List.copyOf(webhooks);
		Objects.requireNonNull(webhookTimeout, "webhookTimeout");
		if (webhookTimeout.isNegative() || webhookTimeout.isZero()) {
			throw new IllegalArgumentException("webhookTimeout must be positive, was " + webhookTimeout);
		}
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

	/** The settings without webhook targets, enabled webhooks, the default timeout. */
	public SandboxSettings(String host, int port, String apiKey, String apiSecret, double timeScale, Limits limits,
			Latency latency, Lifecycle lifecycle, FaultSettings faults, int requestLogCapacity) {
		this(host, port, apiKey, apiSecret, timeScale, limits, latency, lifecycle, faults, requestLogCapacity,
				List.of(), true, DEFAULT_WEBHOOK_TIMEOUT);
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
				this.latency, this.lifecycle, this.faults, this.requestLogCapacity, this.webhooks, this.webhooksEnabled,
				this.webhookTimeout);
	}

	public SandboxSettings withPort(int port) {
		return new SandboxSettings(this.host, port, this.apiKey, this.apiSecret, this.timeScale, this.limits,
				this.latency, this.lifecycle, this.faults, this.requestLogCapacity, this.webhooks, this.webhooksEnabled,
				this.webhookTimeout);
	}

	public SandboxSettings withCredentials(String apiKey, String apiSecret) {
		return new SandboxSettings(this.host, this.port, apiKey, apiSecret, this.timeScale, this.limits, this.latency,
				this.lifecycle, this.faults, this.requestLogCapacity, this.webhooks, this.webhooksEnabled,
				this.webhookTimeout);
	}

	public SandboxSettings withTimeScale(double timeScale) {
		return new SandboxSettings(this.host, this.port, this.apiKey, this.apiSecret, timeScale, this.limits,
				this.latency, this.lifecycle, this.faults, this.requestLogCapacity, this.webhooks, this.webhooksEnabled,
				this.webhookTimeout);
	}

	public SandboxSettings withLimits(Limits limits) {
		return new SandboxSettings(this.host, this.port, this.apiKey, this.apiSecret, this.timeScale, limits,
				this.latency, this.lifecycle, this.faults, this.requestLogCapacity, this.webhooks, this.webhooksEnabled,
				this.webhookTimeout);
	}

	public SandboxSettings withLatency(Latency latency) {
		return new SandboxSettings(this.host, this.port, this.apiKey, this.apiSecret, this.timeScale, this.limits,
				latency, this.lifecycle, this.faults, this.requestLogCapacity, this.webhooks, this.webhooksEnabled,
				this.webhookTimeout);
	}

	public SandboxSettings withLifecycle(Lifecycle lifecycle) {
		return new SandboxSettings(this.host, this.port, this.apiKey, this.apiSecret, this.timeScale, this.limits,
				this.latency, lifecycle, this.faults, this.requestLogCapacity, this.webhooks, this.webhooksEnabled,
				this.webhookTimeout);
	}

	public SandboxSettings withFaults(FaultSettings faults) {
		return new SandboxSettings(this.host, this.port, this.apiKey, this.apiSecret, this.timeScale, this.limits,
				this.latency, this.lifecycle, faults, this.requestLogCapacity, this.webhooks, this.webhooksEnabled,
				this.webhookTimeout);
	}

	public SandboxSettings withRequestLogCapacity(int requestLogCapacity) {
		return new SandboxSettings(this.host, this.port, this.apiKey, this.apiSecret, this.timeScale, this.limits,
				this.latency, this.lifecycle, this.faults, requestLogCapacity, this.webhooks, this.webhooksEnabled,
				this.webhookTimeout);
	}

	/**
	 * Adds a webhook target that gets every event, as if registered for the account with
	 * all events, but without an API call and without a test delivery.
	 * @param url where deliveries go (any scheme the JDK client speaks)
	 * @param secret the signing secret, or null for unsigned deliveries
	 */
	public SandboxSettings withWebhook(URI url, String secret) {
		List<WebhookTarget> targets = new ArrayList<>(this.webhooks);
		targets.add(new WebhookTarget(url, secret));
		return new SandboxSettings(this.host, this.port, this.apiKey, this.apiSecret, this.timeScale, this.limits,
				this.latency, this.lifecycle, this.faults, this.requestLogCapacity, targets, this.webhooksEnabled,
				this.webhookTimeout);
	}

	/**
	 * Whether lifecycle events are delivered at first; switch later via {@link Webhooks}.
	 */
	public SandboxSettings withWebhooksEnabled(boolean enabled) {
		return new SandboxSettings(this.host, this.port, this.apiKey, this.apiSecret, this.timeScale, this.limits,
				this.latency, this.lifecycle, this.faults, this.requestLogCapacity, this.webhooks, enabled,
				this.webhookTimeout);
	}

	/** How long one delivery attempt waits for an answer, in real time. */
	public SandboxSettings withWebhookTimeout(Duration realTimeout) {
		return new SandboxSettings(this.host, this.port, this.apiKey, this.apiSecret, this.timeScale, this.limits,
				this.latency, this.lifecycle, this.faults, this.requestLogCapacity, this.webhooks, this.webhooksEnabled,
				realTimeout);
	}

	@Override
	public String toString() {
		return "SandboxSettings[host=" + this.host + ", port=" + this.port + ", apiKey=" + masked(this.apiKey)
				+ ", apiSecret=" + masked(this.apiSecret) + ", timeScale=" + this.timeScale + ", limits=" + this.limits
				+ ", latency=" + this.latency + ", lifecycle=" + this.lifecycle + ", faults=" + this.faults
				+ ", webhooks=" + this.webhooks + ", webhooksEnabled=" + this.webhooksEnabled + "]";
	}

	/** A credential as toString shows it: whether it is set, never its value. */
	static String masked(String credential) {
		return (credential != null) ? "******" : "null";
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
