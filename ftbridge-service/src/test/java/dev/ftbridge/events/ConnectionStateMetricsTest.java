package dev.ftbridge.events;

import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ftbridge.connections} counts each connection once, by its latest published
 * states, with unexpected states as {@code unknown}.
 */
class ConnectionStateMetricsTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ConnectionStateMetrics metrics = new ConnectionStateMetrics(this.registry);

	@Test
	void eachConnectionCountsOnceByItsLatestStates() {
		this.metrics.observed(status("c1", "connected", "scheduled"));
		this.metrics.observed(status("c2", "connected", "scheduled"));
		this.metrics.observed(status("c1", "broken", "paused"));
		this.metrics.observed(status("c3", "teleported", null));

		assertThat(count("connected", "scheduled")).isEqualTo(1);
		assertThat(count("broken", "paused")).isEqualTo(1);
		assertThat(count("unknown", "unknown")).isEqualTo(1);
		assertThat(this.registry.find("ftbridge.connections").gauges()).hasSize(20);
	}

	private double count(String setup, String sync) {
		return this.registry.get("ftbridge.connections")
			.tag("setup_state", setup)
			.tag("sync_state", sync)
			.gauge()
			.value();
	}

	private static ConnectionStatusObserved status(String id, String setup, String sync) {
		return new ConnectionStatusObserved(id, "poll", Instant.now(), "g", "postgres", "s", false, "auto", 60, setup,
				sync, "on_schedule", false, null, null, null, null);
	}

}
