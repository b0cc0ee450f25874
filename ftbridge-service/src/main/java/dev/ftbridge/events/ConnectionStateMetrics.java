package dev.ftbridge.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code ftbridge.connections}: how many connections, by the setup and sync state of the
 * latest status this instance published for each. The tag values are closed sets (an
 * unexpected or missing state counts as {@code unknown}), so there are at most 20 series.
 */
final class ConnectionStateMetrics {

	static final List<String> SETUP_STATES = List.of("incomplete", "connected", "broken", "unknown");

	static final List<String> SYNC_STATES = List.of("scheduled", "syncing", "paused", "rescheduled", "unknown");

	private final Map<String, String> latest = new ConcurrentHashMap<>();

	ConnectionStateMetrics(MeterRegistry registry) {
		for (String setup : SETUP_STATES) {
			for (String sync : SYNC_STATES) {
				Gauge.builder("ftbridge.connections", this, (metrics) -> metrics.count(setup + "/" + sync))
					.tags("setup_state", setup, "sync_state", sync)
					.description("Connections by the states of the latest status this instance published")
					.register(registry);
			}
		}
	}

	void observed(ConnectionStatusObserved status) {
		if (status.connectionId() != null) {
			this.latest.put(status.connectionId(),
					known(status.setupState(), SETUP_STATES) + "/" + known(status.syncState(), SYNC_STATES));
		}
	}

	private double count(String states) {
		return this.latest.values().stream().filter(states::equals).count();
	}

	private static String known(String state, List<String> states) {
		return (state != null && states.contains(state)) ? state : "unknown";
	}

}
