package dev.ftbridge.reliability;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.ftbridge.support.Commands;
import dev.ftbridge.support.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker stopped and started again (as an operator restarts it) while the bridge
 * works through a run of commands: the bridge keeps running, says it is not ready while
 * Kafka is gone, reconnects by itself, and every command still ends exactly once.
 */
class BrokerRestartProcessTest extends ProcessTest {

	@Test
	void theBridgeRidesOutABrokerRestartAndLosesOrRepeatsNothing() throws Exception {
		Workload workload = Workload.mixed(this.stage.sandbox(), 400, 23);
		try (BridgeProcess bridge = this.stage.readyBridge(Outcomes.QUICK_COMPLETION)) {
			try (Commands producer = new Commands(this.stage.bootstrapServers(), "fivetran.commands")) {
				workload.publish(producer, 0, workload.size() / 2);
			}
			Thread.sleep(1500);
			this.stage.broker().stop();
			ProcessSupport.await(Duration.ofSeconds(30), "the bridge to report itself not ready",
					() -> bridge.readiness() != 200);
			Thread.sleep(5000);
			assertThat(bridge.isAlive()).as("the bridge survives the broker being away").isTrue();
			long restarting = System.nanoTime();
			this.stage.broker().startAgain();
			bridge.awaitReady(Duration.ofSeconds(90));
			long readyAgain = Duration.ofNanos(System.nanoTime() - restarting).toMillis();
			try (Commands producer = new Commands(this.stage.bootstrapServers(), "fivetran.commands")) {
				TopicRecorder results = this.stage.results();
				workload.publish(producer, workload.size() / 2, workload.size());
				Outcomes outcomes = Outcomes.await(workload, results, bridge, Duration.ofMinutes(3));
				System.out.printf(
						"broker restart: %d commands, broker away ~5 s, bridge ready again %d ms after the broker "
								+ "started, %d DUPLICATE results, %s, outcomes %s%n",
						workload.size(), readyAgain, outcomes.count("DUPLICATE"), this.stage.recoveryFigures(),
						outcomes.terminalByOutcome());
				outcomes.assertExactlyOneTerminalEach();
				outcomes.assertNoDuplicateResults();
				outcomes.assertCostlyEffectsAtMostOnce(this.stage.sandbox().requestLog().requests());
				assertThat(bridge.isAlive()).isTrue();
			}
		}
	}

}
