package dev.ftbridge.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import dev.ftbridge.support.Commands;
import dev.ftbridge.support.TopicRecorder;

/**
 * The bridge killed with SIGKILL at random moments, three times, during a run of 1,000
 * commands of every type, and started again each time: every command ends with exactly
 * one terminal result, and Fivetran never applies a create, resync, tables resync, forced
 * sync or transformation run twice for one command.
 */
class CrashRecoveryProcessTest {

	/** Kept when the test fails: the broker's and every bridge's log are in it. */
	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path directory;

	private Stage stage;

	@BeforeEach
	void start() throws Exception {
		this.stage = Stage.start(this.directory);
	}

	@AfterEach
	void stop() throws Exception {
		this.stage.close();
	}

	@Test
	void killedThreeTimesEveryCommandEndsOnceAndNoCostlyEffectRunsTwice() throws Exception {
		Workload workload = Workload.mixed(this.stage.sandbox(), 1000, 11);
		Random random = new Random(11);
		List<Long> recoveries = new ArrayList<>();
		BridgeProcess bridge = this.stage.readyBridge(Outcomes.QUICK_COMPLETION);
		try (Commands producer = new Commands(this.stage.bootstrapServers(), "fivetran.commands")) {
			TopicRecorder results = this.stage.results();
			int chunk = workload.size() / 4;
			for (int kill = 0; kill < 3; kill++) {
				workload.publish(producer, kill * chunk, (kill + 1) * chunk);
				Thread.sleep(300 + random.nextInt(2500));
				bridge.kill();
				long restarting = System.nanoTime();
				bridge = this.stage.readyBridge(Outcomes.QUICK_COMPLETION);
				recoveries.add(Duration.ofNanos(System.nanoTime() - restarting).toMillis());
			}
			workload.publish(producer, 3 * chunk, workload.size());
			Outcomes outcomes = Outcomes.await(workload, results, bridge, Duration.ofMinutes(3));
			System.out.printf(
					"crash recovery: %d commands (%d costly), 3 × SIGKILL, restart to ready %s ms, %d DUPLICATE results "
							+ "for redelivered commands, %s, outcomes %s%n",
					workload.size(), workload.costly(), recoveries, outcomes.count("DUPLICATE"),
					this.stage.recoveryFigures(), outcomes.terminalByOutcome());
			outcomes.assertExactlyOneTerminalEach();
			outcomes.assertNoDuplicateResults();
			outcomes.assertCostlyEffectsAtMostOnce(this.stage.sandbox().requestLog().requests());
		}
		finally {
			bridge.close();
		}
	}

}
