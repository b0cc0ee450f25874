package dev.ftbridge.command;

import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.TestAccounts;
import dev.ftbridge.support.MockFivetran;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FivetranCalls} sends each call to the account of the command running on the
 * thread, and to {@code default} outside one.
 */
class FivetranCallsTest {

	private MockFivetran main;

	private MockFivetran eu;

	private final AccountRoute route = new AccountRoute();

	private FivetranCalls calls;

	@BeforeEach
	void start() throws Exception {
		this.main = MockFivetran.start();
		this.eu = MockFivetran.start();
		this.calls = new FivetranCalls(TestAccounts.of(
				Map.of("ftbridge.fivetran.base-url", this.main.baseUrl().toString(), "ftbridge.fivetran.api-key", "k",
						"ftbridge.fivetran.api-secret", "s", "ftbridge.fivetran.accounts.eu.base-url",
						this.eu.baseUrl().toString(), "ftbridge.fivetran.accounts.eu.api-key", "k2",
						"ftbridge.fivetran.accounts.eu.api-secret", "s2"),
				new SimpleMeterRegistry(), CircuitBreakerRegistry.ofDefaults()), this.route);
	}

	@AfterEach
	void stop() {
		this.main.close();
		this.eu.close();
	}

	@Test
	void callsGoToTheRunningCommandsAccount() {
		this.eu.when((r) -> r.path().equals("/v1/groups"),
				(r) -> MockFivetran.Response.json(200, "{\"code\":\"Success\",\"data\":{\"items\":[]}}"));
		this.route.run("eu", () -> {
			assertThat(this.calls.account()).isEqualTo("eu");
			this.calls.execute(FivetranRequests.setPaused("eu_connection", true));
			this.calls.listAll(FivetranRequests.listGroups(10));
		});
		this.route.run("default", () -> this.calls.execute(FivetranRequests.setPaused("main_connection", true)));
		assertThat(this.eu.requests()).extracting(MockFivetran.Request::path)
			.containsExactly("/v1/connections/eu_connection", "/v1/groups");
		assertThat(this.main.requests()).extracting(MockFivetran.Request::path)
			.containsExactly("/v1/connections/main_connection");
	}

	@Test
	void outsideACommandCallsGoToTheDefaultAccount() {
		assertThat(this.calls.account()).isEqualTo("default");
		this.calls.execute(FivetranRequests.setPaused("c1", true));
		assertThat(this.main.requests()).hasSize(1);
		assertThat(this.eu.requests()).isEmpty();
	}

}
