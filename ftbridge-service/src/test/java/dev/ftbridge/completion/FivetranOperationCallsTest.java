package dev.ftbridge.completion;

import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.ftbridge.fivetran.TestAccounts;
import dev.ftbridge.support.MockFivetran;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operation is polled, retriggered and cancelled through its own account's client; one
 * naming an account no longer configured goes through {@code default}.
 */
class FivetranOperationCallsTest {

	private MockFivetran main;

	private MockFivetran eu;

	private FivetranOperationCalls calls;

	@BeforeEach
	void start() throws Exception {
		this.main = MockFivetran.start();
		this.eu = MockFivetran.start();
		this.calls = new FivetranOperationCalls(TestAccounts.of(
				Map.of("ftbridge.fivetran.base-url", this.main.baseUrl().toString(), "ftbridge.fivetran.api-key", "k",
						"ftbridge.fivetran.api-secret", "s", "ftbridge.fivetran.accounts.eu.base-url",
						this.eu.baseUrl().toString(), "ftbridge.fivetran.accounts.eu.api-key", "k2",
						"ftbridge.fivetran.accounts.eu.api-secret", "s2"),
				new SimpleMeterRegistry(), CircuitBreakerRegistry.ofDefaults()));
	}

	@AfterEach
	void stop() {
		this.main.close();
		this.eu.close();
	}

	@Test
	void callsGoThroughTheOperationsAccount() {
		assertThat(this.calls.account("eu").connection("conn_eu").id()).isEqualTo("conn_eu");
		this.calls.account("eu").triggerSync("conn_eu");
		this.calls.account("default").connection("conn_main");
		assertThat(this.eu.requests()).extracting(MockFivetran.Request::path)
			.containsExactly("/v1/connections/conn_eu", "/v1/connections/conn_eu/sync");
		assertThat(this.main.requests()).extracting(MockFivetran.Request::path)
			.containsExactly("/v1/connections/conn_main");
	}

	@Test
	void anAccountNoLongerConfiguredGoesThroughDefault() {
		this.calls.account("gone").connection("conn_x");
		assertThat(this.main.requests()).hasSize(1);
		assertThat(this.eu.requests()).isEmpty();
	}

}
