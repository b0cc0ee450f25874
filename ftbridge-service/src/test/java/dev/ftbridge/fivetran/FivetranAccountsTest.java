package dev.ftbridge.fivetran;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import dev.ftbridge.support.MockFivetran;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One Fivetran stack per account: each client calls its own base URL with its own
 * credentials, counts against its own budgets, and trips its own circuit.
 */
class FivetranAccountsTest {

	private MockFivetran main;

	private MockFivetran eu;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry
		.of(CircuitBreakerConfig.custom().slidingWindowSize(2).minimumNumberOfCalls(2).build());

	private FivetranAccounts accounts;

	@BeforeEach
	void start() throws Exception {
		this.main = MockFivetran.start();
		this.eu = MockFivetran.start();
		this.accounts = TestAccounts.of(
				Map.of("ftbridge.fivetran.base-url", this.main.baseUrl().toString(), "ftbridge.fivetran.api-key",
						"main-key", "ftbridge.fivetran.api-secret", "main-secret", "ftbridge.fivetran.max-attempts",
						"1", "ftbridge.fivetran.accounts.eu.base-url", this.eu.baseUrl().toString(),
						"ftbridge.fivetran.accounts.eu.api-key", "eu-key", "ftbridge.fivetran.accounts.eu.api-secret",
						"eu-secret", "ftbridge.fivetran.accounts.eu.limits.preset", "trial"),
				this.meters, this.breakers);
	}

	@AfterEach
	void stop() {
		this.main.close();
		this.eu.close();
	}

	@Test
	void eachAccountCallsItsOwnFivetranWithItsOwnCredentials() {
		assertThat(this.accounts.names()).containsExactly("default", "eu");
		this.accounts.get("eu").client().execute(FivetranRequests.listGroups(1));
		this.accounts.defaultAccount().client().execute(FivetranRequests.listGroups(1));
		assertThat(this.eu.requests()).singleElement()
			.satisfies((r) -> assertThat(r.header("authorization")).isEqualTo(basic("eu-key", "eu-secret")));
		assertThat(this.main.requests()).singleElement()
			.satisfies((r) -> assertThat(r.header("authorization")).isEqualTo(basic("main-key", "main-secret")));
	}

	@Test
	void metricsNameTheAccount() {
		this.accounts.get("eu").client().execute(FivetranRequests.listGroups(1));
		assertThat(this.meters.get("ftbridge.fivetran.calls").tag("account", "eu").timer().count()).isEqualTo(1);
		assertThat(this.meters.find("ftbridge.fivetran.calls").tag("account", "default").timer()).isNull();
		assertThat(this.meters.get("ftbridge.fivetran.budget.limit")
			.tag("account", "eu")
			.tag("budget", "setup_tests_per_hour")
			.gauge()
			.value()).as("eu's trial budget").isEqualTo(47);
		assertThat(this.meters.get("ftbridge.fivetran.budget.limit")
			.tag("account", "default")
			.tag("budget", "setup_tests_per_hour")
			.gauge()
			.value()).as("default's paid budget").isEqualTo(2375);
	}

	@Test
	void anOutageOfOneAccountOpensOnlyItsCircuit() {
		this.eu.when((r) -> true, (r) -> MockFivetran.Response.error(503, "Unavailable", "down"));
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(FivetranException.class)
				.isThrownBy(() -> this.accounts.get("eu").client().execute(FivetranRequests.listGroups(1)));
		}
		assertThat(this.breakers.find("fivetran-eu")).isPresent();
		assertThat(this.accounts.available("eu")).isFalse();
		assertThat(this.accounts.available("default")).isTrue();
		assertThat(this.accounts.available("nowhere")).isFalse();
		AccountsHealth health = new AccountsHealth(this.accounts);
		assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.health().getDetails()).containsOnlyKeys("eu");
		this.accounts.defaultAccount().client().execute(FivetranRequests.listGroups(1));
		assertThat(this.main.requests()).hasSize(1);
	}

	@Test
	void theShareAppliesToEveryAccount() {
		this.accounts.share(1, 4);
		assertThat(this.accounts.get("eu").throttle().share()).isEqualTo(0.25);
		assertThat(this.accounts.defaultAccount().throttle().share()).isEqualTo(0.25);
	}

	@Test
	void anUnknownAccountIsABug() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.accounts.get("apac"))
			.withMessageContaining("'apac'");
		assertThat(this.accounts.contains("apac")).isFalse();
	}

	private static String basic(String key, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

}
