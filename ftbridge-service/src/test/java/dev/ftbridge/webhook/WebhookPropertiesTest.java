package dev.ftbridge.webhook;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code ftbridge.webhook.*} bound as Spring Boot binds it at start: the account
 * {@code default} from {@code secrets}, the others from {@code accounts.<name>.secrets}.
 */
class WebhookPropertiesTest {

	@Test
	void accountsBindBesideTheDefaultSecrets() {
		WebhookProperties properties = bind(Map.of("ftbridge.webhook.secrets", "fake-default-1, fake-default-2",
				"ftbridge.webhook.accounts.eu-trial.secrets", "fake-trial-new,fake-trial-old ,",
				"ftbridge.webhook.accounts.us-2.secrets[0]", "fake-us-1"));
		assertThat(properties.secrets()).containsExactly("fake-default-1", "fake-default-2");
		assertThat(properties.accounts()).containsOnlyKeys("eu-trial", "us-2");
		assertThat(properties.accounts().get("eu-trial").secrets()).containsExactly("fake-trial-new", "fake-trial-old");
		assertThat(properties.accounts().get("us-2").secrets()).containsExactly("fake-us-1");
	}

	@Test
	void withoutAccountsOnlyTheDefaultAccountIsReceived() {
		WebhookProperties properties = bind(Map.of("ftbridge.webhook.secrets", "fake-default"));
		assertThat(properties.accounts()).isEmpty();
		WebhookAccounts accounts = WebhookAccounts.of(properties,
				new WebhookMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
		assertThat(accounts.at(null).name()).isEqualTo("default");
		assertThat(accounts.at(null).header()).isNull();
		assertThat(accounts.at("/default")).isNull();
		assertThat(accounts.at("/eu-trial")).isNull();
	}

	@Test
	void anAccountsSecretsComeFromTheEnvironmentToo() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("FTBRIDGE_WEBHOOK_ACCOUNTS_TRIAL_SECRETS", "fake-env-1,fake-env-2",
									"FTBRIDGE_WEBHOOK_SECRETS", "fake-env-default")));
		WebhookProperties properties = Binder.get(environment).bind("ftbridge.webhook", WebhookProperties.class).get();
		assertThat(properties.secrets()).containsExactly("fake-env-default");
		assertThat(properties.accounts()).containsOnlyKeys("trial");
		assertThat(properties.accounts().get("trial").secrets()).containsExactly("fake-env-1", "fake-env-2");
	}

	@Test
	void namesOtherThanLowerCaseLettersDigitsAndDashesAreRefusedAtStart() {
		for (String name : List.of("EU", "eu_trial", "x".repeat(33), "eu.trial")) {
			assertThatExceptionOfType(BindException.class).as(name)
				.isThrownBy(() -> bindBracketed(name, "fake-secret"))
				.havingRootCause()
				.withMessageContaining("not an account name")
				.withMessageNotContaining("fake-secret");
		}
		assertThat(bindBracketed("x".repeat(32), "fake-secret").accounts()).containsOnlyKeys("x".repeat(32));
	}

	@Test
	void theDefaultAccountIsConfiguredOnlyByTheTopLevelSecrets() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("ftbridge.webhook.accounts.default.secrets", "fake-secret")))
			.havingRootCause()
			.withMessageContaining("ftbridge.webhook.secrets");
	}

	@Test
	void secretsAreNeverInToString() {
		WebhookProperties properties = bind(Map.of("ftbridge.webhook.secrets", "fake-top-secret",
				"ftbridge.webhook.accounts.eu-trial.secrets", "fake-trial-secret,fake-trial-other"));
		assertThat(properties.toString()).doesNotContain("fake-")
			.contains("secrets=1 configured", "eu-trial=Account[secrets=2 configured]");
		assertThat(WebhookAccounts
			.of(properties, new WebhookMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()))
			.all()
			.toString()).doesNotContain("fake-");
	}

	private static WebhookProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bind("ftbridge.webhook", WebhookProperties.class)
			.get();
	}

	/** Binds a map key as given, without relaxed binding cleaning it up first. */
	private static WebhookProperties bindBracketed(String name, String secret) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("ftbridge.webhook.accounts[" + name + "].secrets", secret)));
		return new Binder(ConfigurationPropertySources.get(environment))
			.bind("ftbridge.webhook", WebhookProperties.class)
			.get();
	}

}
