package dev.ftbridge.command;

import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Part of liveness: the command poll loop must be alive and going round. A loop that has
 * ended, or that has not polled for longer than it ever should (three poll timeouts, and
 * never less than a few minutes, since a rebalance reads the ledger inside a poll), only
 * a restart mends.
 */
class CommandLoopHealth implements HealthIndicator {

	/** The shortest stall taken for a stuck loop. */
	static final Duration MIN_STALL = Duration.ofMinutes(5);

	private final CommandConsumer consumer;

	private final Duration stallAfter;

	CommandLoopHealth(CommandConsumer consumer, Duration pollTimeout) {
		this.consumer = consumer;
		Duration threePolls = pollTimeout.multipliedBy(3);
		this.stallAfter = (threePolls.compareTo(MIN_STALL) > 0) ? threePolls : MIN_STALL;
	}

	@Override
	public Health health() {
		Duration since = this.consumer.sinceLastPoll();
		if (this.consumer.loopEnded()) {
			return Health.down().withDetail("reason", "the command poll loop has ended").build();
		}
		if (since.compareTo(this.stallAfter) > 0) {
			return Health.down()
				.withDetail("reason", "the command poll loop has not polled for " + since.toSeconds() + " s")
				.build();
		}
		return Health.up().withDetail("sinceLastPollMs", since.toMillis()).build();
	}

}
