package dev.ftbridge.sandbox;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox on its own, without Spring, for benchmarks and manual runs; stops on
 * SIGINT (Ctrl-C). Each option is a system property {@code ftbridge.sandbox.<name>} or,
 * failing that, an environment variable {@code FTBRIDGE_SANDBOX_<NAME>} (upper case,
 * {@code -} as {@code _}):
 *
 * <pre>
 * host                     127.0.0.1
 * port                     8099 (0 picks a free one)
 * time-scale               1
 * limits                   paid | trial | off
 * latency                  true | false
 * sync-duration            PT5M (ISO-8601, sandbox time)
 * transformation-duration  PT2M
 * webhook-url              a target that gets every event (e.g. the bridge's receiver)
 * webhooks-enabled         true | false
 * </pre>
 *
 * The credentials clients must send come only from {@code FTBRIDGE_SANDBOX_API_KEY} and
 * {@code FTBRIDGE_SANDBOX_API_SECRET} (not system properties, which show on a command
 * line), and the webhook secret only from {@code FTBRIDGE_SANDBOX_WEBHOOK_SECRET}. There
 * are no default credentials: without them it refuses to start.
 */
public final class SandboxMain {

	static final String API_KEY = "FTBRIDGE_SANDBOX_API_KEY";

	static final String API_SECRET = "FTBRIDGE_SANDBOX_API_SECRET";

	static final String WEBHOOK_SECRET = "FTBRIDGE_SANDBOX_WEBHOOK_SECRET";

	private SandboxMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		FivetranSandbox sandbox;
		try {
			sandbox = FivetranSandbox.start(settings(System.getenv(), System.getProperties()));
		}
		catch (IllegalArgumentException | UncheckedIOException ex) {
			System.err.println("The Fivetran sandbox did not start: " + ex.getMessage());
			System.exit(2);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			sandbox.close();
			stopped.countDown();
		}, "fivetran-sandbox-stop"));
		describe(sandbox, System.out);
		stopped.await();
	}

	/**
	 * The settings from system properties and environment; a bad or missing one throws.
	 */
	static SandboxSettings settings(Map<String, String> env, Properties properties) {
		Options options = new Options(env, properties);
		String key = env.get(API_KEY);
		String secret = env.get(API_SECRET);
		if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
			throw new IllegalArgumentException("set " + API_KEY + " and " + API_SECRET
					+ " to the API key and secret clients must send; the sandbox has no default credentials");
		}
		SandboxSettings.Lifecycle lifecycle = SandboxSettings.Lifecycle.defaults();
		SandboxSettings settings = SandboxSettings.defaults()
			.withCredentials(key, secret)
			.withHost(options.text("host", "127.0.0.1"))
			.withPort(options.integer("port", 8099))
			.withTimeScale(options.number("time-scale", 1))
			.withLimits(limits(options.text("limits", "paid")))
			.withLatency(options.bool("latency", true) ? Latency.defaults() : Latency.disabled())
			.withLifecycle(new SandboxSettings.Lifecycle(options.duration("sync-duration", lifecycle.syncDuration()),
					options.duration("transformation-duration", lifecycle.transformationDuration())))
			.withWebhooksEnabled(options.bool("webhooks-enabled", true));
		String webhook = options.text("webhook-url", null);
		if (webhook != null) {
			String webhookSecret = env.get(WEBHOOK_SECRET);
			settings = settings.withWebhook(URI.create(webhook),
					(webhookSecret == null || webhookSecret.isBlank()) ? null : webhookSecret);
		}
		return settings;
	}

	static void describe(FivetranSandbox sandbox, PrintStream out) {
		SandboxSettings settings = sandbox.settings();
		out.println("Fivetran sandbox at " + sandbox.baseUrl() + " (time scale " + settings.timeScale() + ", webhooks "
				+ (settings.webhooksEnabled() ? "on" : "off") + " to " + settings.webhooks() + "). Ctrl-C stops it.");
	}

	private static Limits limits(String preset) {
		return switch (preset.toLowerCase(Locale.ROOT)) {
			case "paid" -> Limits.paid();
			case "trial" -> Limits.trial();
			case "off" -> Limits.paid().disabled();
			default -> throw new IllegalArgumentException("limits must be paid, trial or off, was " + preset);
		};
	}

	/** Looks options up: system property first, then environment variable. */
	private record Options(Map<String, String> env, Properties properties) {

		/**
		 * Never the values: the environment holds the API key and secret (and others).
		 */
		@Override
		public String toString() {
			return "Options[" + this.env.size() + " environment variables, " + this.properties.size()
					+ " system properties]";
		}

		String text(String name, String fallback) {
			String value = this.properties.getProperty("ftbridge.sandbox." + name);
			if (value == null) {
				value = this.env.get("FTBRIDGE_SANDBOX_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
			}
			return (value == null || value.isBlank()) ? fallback : value.trim();
		}

		int integer(String name, int fallback) {
			String value = text(name, null);
			try {
				return (value != null) ? Integer.parseInt(value) : fallback;
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(name + " must be a whole number, was " + value);
			}
		}

		double number(String name, double fallback) {
			String value = text(name, null);
			try {
				return (value != null) ? Double.parseDouble(value) : fallback;
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(name + " must be a number, was " + value);
			}
		}

		boolean bool(String name, boolean fallback) {
			String value = text(name, null);
			if (value == null) {
				return fallback;
			}
			if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
				throw new IllegalArgumentException(name + " must be true or false, was " + value);
			}
			return Boolean.parseBoolean(value);
		}

		Duration duration(String name, Duration fallback) {
			String value = text(name, null);
			try {
				return (value != null) ? Duration.parse(value) : fallback;
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as PT5M, was " + value);
			}
		}

	}

}
