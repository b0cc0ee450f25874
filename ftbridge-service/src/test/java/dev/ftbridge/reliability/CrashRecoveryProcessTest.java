package dev.ftbridge.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.ftbridge.support.Commands;
import dev.ftbridge.support.TopicRecorder;

/**
 * The bridge killed with SIGKILL at random moments, three times, during a run of 1,000
 * commands of every type, and started again each time: every command ends with exactly
 * one terminal result, and Fivetran never applies a create, resync, tables resync, forced
 * sync or transformation run twice for one command.
 */
class CrashRecoveryProcessTest extends ProcessTest {

	/**
	 * Four commands at a time, so that the kills land while costly calls are in flight.
	 */
	private static final String[] SETTINGS = { Outcomes.QUICK_COMPLETION[0], Outcomes.QUICK_COMPLETION[1],
			"--ftbridge.command.max-concurrency=4", "--ftbridge.command.scarce-concurrency=4" };

	@Test
	void killedThreeTimesEveryCommandEndsOnceAndNoCostlyEffectRunsTwice() throws Exception {
		Workload workload = Workload.mixed(this.stage.sandbox(), 1000, 11);
		Random random = new Random(11);
		List<Long> recoveries = new ArrayList<>();
		BridgeProcess bridge = this.stage.readyBridge(SETTINGS);
		try (Commands producer = new Commands(this.stage.bootstrapServers(), "fivetran.commands")) {
			TopicRecorder results = this.stage.results();
			int chunk = workload.size() / 4;
			List<Integer> killedAt = new ArrayList<>();
			for (int kill = 0; kill < 3; kill++) {
				int from = kill * chunk;
				workload.publish(producer, from, from + chunk);
				// killed when a random 20–80 % of the chunk has a first result: mid-run
				int answered = chunk / 5 + random.nextInt(chunk * 3 / 5);
				ProcessSupport.await(Duration.ofSeconds(60), answered + " answers before the kill",
						() -> workload.answered(results.records(), from, from + chunk) >= answered);
				killedAt.add(workload.answered(results.records(), from, from + chunk));
				bridge.kill();
				long restarting = System.nanoTime();
				bridge = this.stage.readyBridge(SETTINGS);
				recoveries.add(Duration.ofNanos(System.nanoTime() - restarting).toMillis());
			}
			workload.publish(producer, 3 * chunk, workload.size());
			Outcomes outcomes = Outcomes.await(workload, results, bridge, Duration.ofMinutes(3));
			System.out.printf(
					"crash recovery: %d commands (%d costly), SIGKILL when %s of each %d-command chunk were answered, "
							+ "restart to ready %s ms, all ended %d s after the last chunk, %d DUPLICATE results, %s, "
							+ "outcomes %s%s%n",
					workload.size(), workload.costly(), killedAt, chunk, recoveries, outcomes.waited().toSeconds(),
					outcomes.count("DUPLICATE"), this.stage.recoveryFigures(), outcomes.terminalByOutcome(),
					outcomes.notSucceeded());
			outcomes.assertExactlyOneTerminalEach();
			outcomes.assertNoDuplicateResults();
			outcomes.assertCostlyEffectsAtMostOnce(this.stage.sandbox().requestLog().requests());
		}
		finally {
			bridge.close();
		}
	}

}
