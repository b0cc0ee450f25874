package dev.ftbridge.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftbridge.support.Commands;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of creates with setup tests, five minutes of the setup-test budget (30 per
 * minute here, a minute passing in two seconds), then pause commands: the pauses need
 * only the request budget, so they end while most creates still wait for theirs, instead
 * of queueing behind them (on one shared pool the waiting creates held every worker and
 * the pauses ended among the last). Not a single 429.
 */
class HeadOfLineIntegrationTest extends SandboxBridgeTest {

	private static final int CREATES = 150;

	private static final int PAUSES = 20;

	private static final int SETUP_TESTS_PER_MINUTE = 30;

	/**
	 * 30 setup tests per minute, 15 a second real: the budget, not the machine, paces the
	 * burst, so every worker of a shared pool would be held waiting for it.
	 */
	@DynamicPropertySource
	static void scarceSetupTests(DynamicPropertyRegistry registry) {
		registry.add("ftbridge.fivetran.limits.setup-tests-per-minute", () -> SETUP_TESTS_PER_MINUTE);
	}

	@Test
	void pausesSentAfterABurstOfSetupTestsEndBeforeTheBurstDoes() {
		String group = sandbox.state().addGroup(unique("hol")).id();
		List<String> connections = new ArrayList<>();
		for (int i = 0; i < PAUSES; i++) {
			connections.add(sandbox.state().addConnection(group, "postgres", "hol" + i));
		}
		// the bridge and the result recorder are up before the burst starts
		resultOf(sendCommand(connections.get(0), "fivetran.connection.status",
				"{\"connection_id\":\"" + connections.get(0) + "\"}"));
		long sequenceBefore = sandbox.requestLog().lastSequence();
		List<String> creates = new ArrayList<>();
		for (int i = 0; i < CREATES; i++) {
			String id = Commands.newId();
			commands().sendAsync(group + "/h" + i, id, "fivetran.connection.create",
					"{\"group_id\":\"" + group + "\",\"service\":\"postgres\",\"config\":{\"schema\":\"h" + i + "\"}}");
			creates.add(id);
		}
		commands().flush();
		// the burst is under way: its first creates have ended, the rest wait for budget
		results().await((r) -> creates.contains(r.dataText("command_id")), 1, WAIT);
		long pausesSent = System.currentTimeMillis();
		long createsEndedAtSend = results().matching((r) -> creates.contains(r.dataText("command_id"))).size();
		List<String> pauses = new ArrayList<>();
		for (String connection : connections) {
			pauses.add(
					sendCommand(connection, "fivetran.connection.pause", "{\"connection_id\":\"" + connection + "\"}"));
		}
		commands().flush();
		List<Recorded> pauseResults = results().await((r) -> pauses.contains(r.dataText("command_id")), PAUSES, WAIT);
		List<Recorded> createResults = results().await((r) -> creates.contains(r.dataText("command_id")), CREATES,
				WAIT);
		long lastPause = pauseResults.stream().mapToLong(Recorded::timestamp).max().orElseThrow();
		long createsEndedBefore = createResults.stream().filter((r) -> r.timestamp() < lastPause).count();
		long lastCreate = createResults.stream().mapToLong(Recorded::timestamp).max().orElseThrow();
		System.out.printf(
				"head of line: the last of %d pauses ended %d ms after they were sent, after %d of %d creates (%d when they were sent); "
						+ "the last create %d ms after the pauses were sent%n",
				PAUSES, lastPause - pausesSent, createsEndedBefore, CREATES, createsEndedAtSend,
				lastCreate - pausesSent);
		assertThat(createsEndedBefore).as("creates ended before the last pause").isLessThan(CREATES / 2);
		assertThat(pauseResults).allSatisfy((r) -> assertThat(r.dataText("outcome")).isEqualTo("SUCCEEDED"));
		assertThat(createResults).allSatisfy((r) -> assertThat(r.dataText("outcome")).isEqualTo("SUCCEEDED"));
		Map<Integer, Integer> statuses = new TreeMap<>();
		sandbox.requestLog()
			.matching((r) -> r.sequence() > sequenceBefore && r.path().startsWith("/v1/"))
			.forEach((r) -> statuses.merge(r.status(), 1, Integer::sum));
		assertThat(statuses).as("answers by HTTP status").doesNotContainKey(429);
	}

}
