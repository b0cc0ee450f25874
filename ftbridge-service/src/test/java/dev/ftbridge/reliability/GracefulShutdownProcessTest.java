package dev.ftbridge.reliability;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.ftbridge.support.Commands;
import dev.ftbridge.support.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM while the bridge works through 1,000 commands: it exits within its shutdown
 * grace, and after a restart every command ends exactly once, none executed twice and
 * none left in doubt.
 */
class GracefulShutdownProcessTest extends ProcessTest {

	private static final Duration GRACE = Duration.ofSeconds(10);

	@Test
	void sigtermUnderLoadExitsWithinTheGraceAndLosesOrRepeatsNothing() throws Exception {
		Workload workload = Workload.mixed(this.stage.sandbox(), 1000, 41);
		String grace = "--ftbridge.command.shutdown-grace=" + GRACE.toSeconds() + "s";
		// fewer commands at once, so that SIGTERM comes while most are still to do
		int concurrency = Integer.getInteger("graceful.concurrency", 4);
		String slower = "--ftbridge.command.max-concurrency=" + concurrency;
		String slowerScarce = "--ftbridge.command.scarce-concurrency=" + concurrency;
		Duration exit;
		try (Commands producer = new Commands(this.stage.bootstrapServers(), "fivetran.commands")) {
			TopicRecorder results;
			try (BridgeProcess bridge = this.stage.readyBridge(Outcomes.QUICK_COMPLETION[0],
					Outcomes.QUICK_COMPLETION[1], grace, slower, slowerScarce,
					"--logging.level.dev.ftbridge.command=DEBUG")) {
				results = this.stage.results();
				workload.publish(producer, 0, workload.size());
				ProcessSupport.await(Duration.ofSeconds(60), "the bridge to be well into the run",
						() -> workload.terminalResults(results.records()).size() >= Integer.getInteger("graceful.after",
								100));
				int before = workload.terminalResults(results.records()).size();
				exit = bridge.terminate(Duration.ofSeconds(60));
				System.out.printf("graceful shutdown: SIGTERM with %d of %d commands ended; exited after %s%n", before,
						workload.size(), exit);
				assertThat(exit).as("exited after SIGTERM").isNotNull();
				assertThat(exit).as("exited within the grace period (plus 5 s for the JVM and the web server)")
					.isLessThan(GRACE.plusSeconds(5));
			}
			try (BridgeProcess bridge = this.stage.readyBridge(Outcomes.QUICK_COMPLETION[0],
					Outcomes.QUICK_COMPLETION[1], grace, "--logging.level.dev.ftbridge.command=DEBUG")) {
				Outcomes outcomes = Outcomes.await(workload, results, bridge, Duration.ofMinutes(3));
				System.out.printf(
						"graceful shutdown: after the restart %d commands ended, %d DUPLICATE results, %s, outcomes %s%n",
						workload.size(), outcomes.count("DUPLICATE"), this.stage.recoveryFigures(),
						outcomes.terminalByOutcome());
				outcomes.assertExactlyOneTerminalEach();
				outcomes.assertNoDuplicateResults();
				outcomes.assertCostlyEffectsAtMostOnce(this.stage.sandbox().requestLog().requests());
				assertThat(outcomes.count("OUTCOME_UNKNOWN")).as("a graceful stop leaves no command in doubt").isZero();
			}
		}
	}

}
