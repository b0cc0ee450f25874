package dev.ftbridge.fivetran;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Binding {@code ftbridge.fivetran.accounts.<name>.*}: names checked at start, limits in
 * the shape of {@code ftbridge.fivetran.limits}, secrets kept out of {@code toString}.
 */
class AccountPropertiesTest {

	@Test
	void bindsEachAccountWithItsOwnUrlCredentialsAndLimits() {
		AccountProperties properties = bind(Map.of("ftbridge.fivetran.accounts.eu.base-url", "http://127.0.0.1:9001",
				"ftbridge.fivetran.accounts.eu.api-key", "eu-key", "ftbridge.fivetran.accounts.eu.api-secret",
				"eu-secret", "ftbridge.fivetran.accounts.eu.limits.preset", "trial",
				"ftbridge.fivetran.accounts.eu.limits.requests-per-hour", "300",
				"ftbridge.fivetran.accounts.trial-2.api-key", "t-key"));
		assertThat(properties.accounts()).containsOnlyKeys("eu", "trial-2");
		AccountProperties.Account eu = properties.accounts().get("eu");
		assertThat(eu.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9001"));
		assertThat(eu.apiKey()).isEqualTo("eu-key");
		assertThat(eu.limits().preset()).isEqualTo(LimitProperties.Preset.TRIAL);
		assertThat(eu.limits().budget(eu.limits().requestsPerHour(), LimitProperties.Preset.TRIAL.requestsPerHour))
			.isEqualTo(300);
		assertThat(eu.limits().budget(eu.limits().setupTestsPerHour(), LimitProperties.Preset.TRIAL.setupTestsPerHour))
			.as("the preset's, under the margin")
			.isEqualTo(47);
		AccountProperties.Account trial = properties.accounts().get("trial-2");
		assertThat(trial.baseUrl()).isEqualTo(URI.create("https://api.fivetran.com"));
		assertThat(trial.limits()).as("limits default like ftbridge.fivetran.limits").isNotNull();
		assertThat(trial.limits().preset()).isEqualTo(LimitProperties.Preset.PAID);
		assertThat(trial.limits().enabled()).isTrue();
	}

	@Test
	void noAccountsConfiguredIsOnlyTheDefault() {
		assertThat(bind(Map.of()).accounts()).isEmpty();
	}

	@Test
	void refusesAnAccountNamedDefaultAsAmbiguous() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("ftbridge.fivetran.accounts.default.api-key", "k")))
			.havingRootCause()
			.withMessageContaining("ambiguous")
			.withMessageContaining("ftbridge.fivetran.api-key");
	}

	@Test
	void refusesANameThatIsNotAnAccountName() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("ftbridge.fivetran.accounts[eu_west].api-key", "k")))
			.havingRootCause()
			.withMessageContaining("'eu_west' is not an account name")
			.withMessageContaining("lower-case letters");
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("ftbridge.fivetran.accounts." + "a".repeat(33) + ".api-key", "k")));
	}

	@Test
	void toStringShowsNoSecret() {
		AccountProperties properties = bind(Map.of("ftbridge.fivetran.accounts.eu.api-key", "the-key-1234",
				"ftbridge.fivetran.accounts.eu.api-secret", "the-secret-5678"));
		assertThat(properties.toString()).contains("eu")
			.contains("******")
			.doesNotContain("the-key-1234")
			.doesNotContain("the-secret-5678");
	}

	private static AccountProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("ftbridge.fivetran",
				AccountProperties.class);
	}

}
