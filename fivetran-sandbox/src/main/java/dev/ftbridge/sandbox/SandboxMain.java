package dev.ftbridge.sandbox;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Runs the sandbox on its own, without a Spring context, for benchmarks, manual runs and
 * its image (the Dockerfile's stage {@code sandbox}, which runs the module's
 * {@code -exec} jar with {@code FTBRIDGE_SANDBOX_HOST=0.0.0.0}); stops on SIGINT (Ctrl-C)
 * or SIGTERM. It reads the same {@link SandboxProperties} as a Spring run, each from a
 * system property {@code ftbridge.sandbox.<name>} or, failing that, an environment
 * variable {@code FTBRIDGE_SANDBOX_<NAME>} (upper case, {@code -} as {@code _}), with the
 * same defaults:
 *
 * <pre>
 * host                     127.0.0.1
 * port                     8099 (0 picks a free one)
 * time-scale               1
 * limits                   paid | trial | off
 * latency-enabled          true | false
 * sync-duration            5m (or PT5M; sandbox time)
 * transformation-duration  2m
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

	private static final String PREFIX = "ftbridge.sandbox";

	/** Read from the environment only. */
	private static final Set<ConfigurationPropertyName> SECRETS = Set.of(
			ConfigurationPropertyName.of(PREFIX + ".api-key"), ConfigurationPropertyName.of(PREFIX + ".api-secret"),
			ConfigurationPropertyName.of(PREFIX + ".webhook-secret"));

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
		SandboxProperties bound = bind(env, properties);
		if (blank(bound.apiKey()) || blank(bound.apiSecret())) {
			throw new IllegalArgumentException("set " + API_KEY + " and " + API_SECRET
					+ " to the API key and secret clients must send; the sandbox has no default credentials");
		}
		return bound.toSettings();
	}

	static void describe(FivetranSandbox sandbox, PrintStream out) {
		SandboxSettings settings = sandbox.settings();
		out.println("Fivetran sandbox at " + sandbox.baseUrl() + " (time scale " + settings.timeScale() + ", webhooks "
				+ (settings.webhooksEnabled() ? "on" : "off") + " to " + settings.webhooks() + "). Ctrl-C stops it.");
	}

	/** System properties first (never the secrets), then the environment. */
	private static SandboxProperties bind(Map<String, String> env, Properties properties) {
		Map<String, Object> system = new HashMap<>();
		properties.stringPropertyNames()
			.stream()
			.filter((name) -> name.startsWith(PREFIX + "."))
			.forEach((name) -> system.put(name, properties.getProperty(name)));
		ConfigurationPropertySource systemSource = new MapConfigurationPropertySource(system)
			.filter((name) -> !SECRETS.contains(name));
		ConfigurationPropertySource environmentSource = ConfigurationPropertySource
			.from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new HashMap<>(env)));
		try {
			return new Binder(systemSource, environmentSource).bindOrCreate(PREFIX, SandboxProperties.class);
		}
		catch (BindException ex) {
			String cause = (ex.getCause() != null) ? ": " + ex.getCause().getMessage() : "";
			throw new IllegalArgumentException(ex.getMessage() + cause, ex);
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
