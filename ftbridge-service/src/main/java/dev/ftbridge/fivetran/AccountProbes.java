package dev.ftbridge.fivetran;

import java.util.List;

import org.springframework.context.SmartLifecycle;

/**
 * The availability probes of the named accounts ({@code default}'s is a bean of its own),
 * started and stopped together in the probe's phase.
 */
class AccountProbes implements SmartLifecycle {

	private final List<AvailabilityProbe> probes;

	AccountProbes(List<AvailabilityProbe> probes) {
		this.probes = List.copyOf(probes);
	}

	@Override
	public void start() {
		this.probes.forEach(AvailabilityProbe::start);
	}

	@Override
	public void stop() {
		this.probes.forEach(AvailabilityProbe::stop);
	}

	@Override
	public boolean isRunning() {
		return !this.probes.isEmpty() && this.probes.get(0).isRunning();
	}

	/** The probes' phase: they stop before the command consumer. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
