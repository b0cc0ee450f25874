package dev.ftbridge.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.ftbridge.sandbox.LoggedRequest;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of 3,000 mixed commands against the sandbox with Fivetran's paid-plan limits
 * enforced (time runs 30 times faster): a third of them are creates that run setup tests,
 * so the setup-test budget (200 per minute here, under the sandbox's 250) is what paces
 * them. Not a single 429.
 */
class BurstIntegrationTest extends SandboxBridgeTest {

	@Test
	void threeThousandMixedCommandsNeverTripALimit() {
		String group = sandbox.state().addGroup(unique("burst")).id();
		List<String> connections = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			connections.add(sandbox.state().addConnection(group, "postgres", "seed" + i));
		}
		long sequenceBefore = sandbox.requestLog().lastSequence();
		List<String> ids = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < 3000; i++) {
			String id = Commands.newId();
			ids.add(id);
			String connection = connections.get(i % connections.size());
			switch (i % 6) {
				case 0, 3 -> commands().sendAsync(group + "/b" + i, id, "fivetran.connection.create", "{\"group_id\":\""
						+ group + "\",\"service\":\"postgres\",\"config\":{\"schema\":\"b" + i + "\"}}");
				case 1 -> commands().sendAsync(connection, id, "fivetran.connection.pause",
						"{\"connection_id\":\"" + connection + "\"}");
				case 2 -> commands().sendAsync(connection, id, "fivetran.connection.resume",
						"{\"connection_id\":\"" + connection + "\"}");
				case 4 -> commands().sendAsync(connection, id, "fivetran.connection.schema.reload",
						"{\"connection_id\":\"" + connection + "\"}");
				default -> commands().sendAsync(connection, id, "fivetran.connection.status",
						"{\"connection_id\":\"" + connection + "\"}");
			}
		}
		commands().flush();
		List<String> pending = new ArrayList<>(ids);
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				java.util.Set<String> seen = new java.util.HashSet<>();
				results().records().forEach((r) -> seen.add(r.dataText("command_id")));
				pending.removeIf(seen::contains);
				return pending.isEmpty();
			});
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		List<LoggedRequest> calls = sandbox.requestLog()
			.matching((r) -> r.sequence() > sequenceBefore && r.path().startsWith("/v1/"));
		Map<Integer, Integer> statuses = new TreeMap<>();
		calls.forEach((r) -> statuses.merge(r.status(), 1, Integer::sum));
		Map<String, Long> outcomes = new TreeMap<>();
		for (Recorded result : results().records()) {
			if (ids.contains(result.dataText("command_id"))) {
				outcomes.merge(result.dataText("outcome"), 1L, Long::sum);
			}
		}
		System.out.printf(
				"burst: 3000 commands (1000 creates with setup tests) in %d ms real "
						+ "(%.1f sandbox minutes); Fivetran answers by status %s; outcomes %s%n",
				millis, millis * TIME_SCALE / 60_000.0, statuses, outcomes);
		assertThat(statuses).as("answers by HTTP status").doesNotContainKey(429);
		assertThat(outcomes).containsEntry("SUCCEEDED", 3000L);
		assertThat(millis * TIME_SCALE / 60_000.0).as("sandbox minutes: 1000 setup tests at <=250/min take 4+")
			.isGreaterThan(3.9);
	}

}
