package dev.ftbridge.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SandboxMainTest {

	private static final Map<String, String> CREDENTIALS = Map.of("FTBRIDGE_SANDBOX_API_KEY", "k",
			"FTBRIDGE_SANDBOX_API_SECRET", "main-secret");

	@Test
	void refusesToStartWithoutCredentialsFromTheEnvironment() {
		Properties properties = new Properties();
		properties.setProperty("ftbridge.sandbox.api-key", "k");
		properties.setProperty("ftbridge.sandbox.api-secret", "s");
		assertThatIllegalArgumentException().isThrownBy(() -> SandboxMain.settings(Map.of(), properties))
			.withMessageContaining("FTBRIDGE_SANDBOX_API_KEY")
			.withMessageContaining("FTBRIDGE_SANDBOX_API_SECRET")
			.withMessageContaining("no default credentials");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SandboxMain.settings(Map.of("FTBRIDGE_SANDBOX_API_KEY", "k"), new Properties()));
	}

	@Test
	void readsSystemPropertiesBeforeTheEnvironment() {
		Map<String, String> env = new HashMap<>(CREDENTIALS);
		env.put("FTBRIDGE_SANDBOX_PORT", "1234");
		env.put("FTBRIDGE_SANDBOX_TIME_SCALE", "60");
		env.put("FTBRIDGE_SANDBOX_WEBHOOK_URL", "http://127.0.0.1:8080/webhooks/fivetran");
		env.put("FTBRIDGE_SANDBOX_WEBHOOK_SECRET", "whsec");
		Properties properties = new Properties();
		properties.setProperty("ftbridge.sandbox.port", "0");
		properties.setProperty("ftbridge.sandbox.limits", "trial");
		properties.setProperty("ftbridge.sandbox.latency-enabled", "false");
		properties.setProperty("ftbridge.sandbox.sync-duration", "PT1M");
		properties.setProperty("ftbridge.sandbox.webhooks-enabled", "false");
		SandboxSettings settings = SandboxMain.settings(env, properties);
		assertThat(settings.port()).isZero();
		assertThat(settings.timeScale()).isEqualTo(60);
		assertThat(settings.limits()).isEqualTo(Limits.trial());
		assertThat(settings.latency().enabled()).isFalse();
		assertThat(settings.lifecycle().syncDuration()).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.webhooksEnabled()).isFalse();
		assertThat(settings.webhooks())
			.containsExactly(new WebhookTarget(URI.create("http://127.0.0.1:8080/webhooks/fivetran"), "whsec"));
		assertThat(settings.apiSecret()).isEqualTo("main-secret");
	}

	@Test
	void readsTheNamesAndDefaultsOfASpringRunButNoSecretFromSystemProperties() {
		assertThat(SandboxMain.settings(CREDENTIALS, new Properties()).port()).isEqualTo(8099);
		Properties properties = new Properties();
		properties.setProperty("ftbridge.sandbox.limits", "off");
		properties.setProperty("ftbridge.sandbox.transformation-duration", "30s");
		properties.setProperty("ftbridge.sandbox.webhook-url", "http://127.0.0.1:8080/webhooks/fivetran");
		properties.setProperty("ftbridge.sandbox.webhook-secret", "from-the-command-line");
		properties.setProperty("ftbridge.sandbox.api-secret", "from-the-command-line");
		SandboxSettings settings = SandboxMain.settings(CREDENTIALS, properties);
		assertThat(settings.limits().enabled()).isFalse();
		assertThat(settings.lifecycle().transformationDuration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.webhooks())
			.containsExactly(new WebhookTarget(URI.create("http://127.0.0.1:8080/webhooks/fivetran"), null));
		assertThat(settings.apiSecret()).isEqualTo("main-secret");
	}

	@Test
	void badValuesAreNamedInTheMessage() {
		Properties properties = new Properties();
		properties.setProperty("ftbridge.sandbox.time-scale", "fast");
		assertThatIllegalArgumentException().isThrownBy(() -> SandboxMain.settings(CREDENTIALS, properties))
			.withMessageContaining("time-scale");
		properties.setProperty("ftbridge.sandbox.time-scale", "10");
		properties.setProperty("ftbridge.sandbox.limits", "unlimited");
		assertThatIllegalArgumentException().isThrownBy(() -> SandboxMain.settings(CREDENTIALS, properties))
			.withMessageContaining("limits");
	}

	@Test
	void printsTheBaseUrlButNoSecret() {
		Properties properties = new Properties();
		properties.setProperty("ftbridge.sandbox.port", "0");
		try (FivetranSandbox sandbox = FivetranSandbox.start(SandboxMain.settings(CREDENTIALS, properties))) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			SandboxMain.describe(sandbox, new PrintStream(out, true, StandardCharsets.UTF_8));
			String printed = out.toString(StandardCharsets.UTF_8);
			assertThat(printed).contains(sandbox.baseUrl().toString()).doesNotContain("main-secret");
		}
	}

}
