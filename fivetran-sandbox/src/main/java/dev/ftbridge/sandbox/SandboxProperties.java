package dev.ftbridge.sandbox;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox's knobs as configuration ({@code ftbridge.sandbox.*}): bound by Spring in a
 * run of the bridge (used only when {@code enabled} is true) and by {@link SandboxMain}
 * from system properties and environment variables; {@link #toSettings()} turns them into
 * the {@link SandboxSettings} a {@link FivetranSandbox} runs with.
 *
 * @param enabled whether to start the sandbox at all (never in production unless asked)
 * @param host the address to bind
 * @param port the port; 0 picks a free one
 * @param timeScale how many times faster than real time sandbox time runs
 * @param apiKey the API key clients must send; required when enabled
 * @param apiSecret the API secret clients must send; required when enabled
 * @param limits the rate-limit preset: {@code paid}, {@code trial} or {@code off} (none
 * enforced)
 * @param latencyEnabled whether to add Fivetran-like latency per endpoint class
 * @param syncDuration how long a sync runs, in sandbox time
 * @param transformationDuration how long a transformation run takes, in sandbox time
 * @param webhookUrl a webhook target that gets every event without an API call (e.g. the
 * bridge's own receiver in a local run); none when null
 * @param webhookSecret the secret that signs deliveries to {@code webhookUrl}; unsigned
 * when null
 * @param webhooksEnabled whether lifecycle events are delivered to webhooks
 */
@ConfigurationProperties("ftbridge.sandbox")
public record SandboxProperties(@DefaultValue("false") boolean enabled, @DefaultValue("127.0.0.1") String host,
		@DefaultValue("8099") int port, @DefaultValue("1") double timeScale, String apiKey, String apiSecret,
		@DefaultValue("paid") LimitsPreset limits, @DefaultValue("true") boolean latencyEnabled,
		@DefaultValue("5m") Duration syncDuration, @DefaultValue("2m") Duration transformationDuration, URI webhookUrl,
		String webhookSecret, @DefaultValue("true") boolean webhooksEnabled) {

	SandboxSettings toSettings() {
		SandboxSettings settings = SandboxSettings.defaults()
			.withHost(this.host)
			.withPort(this.port)
			.withTimeScale(this.timeScale)
			.withCredentials(this.apiKey, this.apiSecret)
			.withLimits(this.limits.limits())
			.withLatency(this.latencyEnabled ? Latency.defaults() : Latency.disabled())
			.withLifecycle(new SandboxSettings.Lifecycle(this.syncDuration, this.transformationDuration))
			.withWebhooksEnabled(this.webhooksEnabled);
		boolean signed = this.webhookSecret != null && !this.webhookSecret.isBlank();
		return (this.webhookUrl != null) ? settings.withWebhook(this.webhookUrl, signed ? this.webhookSecret : null)
				: settings;
	}

	@Override
	public String toString() {
		return "SandboxProperties[enabled=" + this.enabled + ", host=" + this.host + ", port=" + this.port
				+ ", timeScale=" + this.timeScale + ", apiKey=" + SandboxSettings.masked(this.apiKey) + ", apiSecret="
				+ SandboxSettings.masked(this.apiSecret) + ", limits=" + this.limits + ", webhookUrl=" + this.webhookUrl
				+ ", webhookSecret=" + SandboxSettings.masked(this.webhookSecret) + ", webhooksEnabled="
				+ this.webhooksEnabled + "]";
	}

	/** Which rate limits are enforced: those of a Fivetran account type, or none. */
	public enum LimitsPreset {

		/** Free, Standard, Enterprise, Business Critical: 20,000 requests per hour. */
		PAID,

		/** Trial: 500 requests per hour. */
		TRIAL,

		/** No limit is enforced. */
		OFF;

		Limits limits() {
			return switch (this) {
				case PAID -> Limits.paid();
				case TRIAL -> Limits.trial();
				case OFF -> Limits.paid().disabled();
			};
		}

	}

}
