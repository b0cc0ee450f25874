package dev.ftbridge.command;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import dev.ftbridge.BridgeIntegrationTest;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.MockFivetran.Request;
import dev.ftbridge.support.MockFivetran.Response;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-key order and cross-key concurrency: commands for one connection execute in publish
 * order; commands for different connections run at the same time, beyond the partition
 * count; a slow connection does not hold up others on its partition.
 */
class OrderingIntegrationTest extends BridgeIntegrationTest {

	private static final int PARTITIONS = 3;

	@Test
	void thousandCommandsOverFiftyKeysKeepPerKeyOrderAndRunConcurrently() {
		String run = CommandFlowIntegrationTest.unique("order");
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger peak = new AtomicInteger();
		AtomicLong serialMillis = new AtomicLong();
		fivetran.when((r) -> r.path().startsWith("/v1/connections/" + run), (r) -> {
			int now = inFlight.incrementAndGet();
			peak.accumulateAndGet(now, Math::max);
			long latency = ThreadLocalRandom.current().nextLong(5, 40);
			serialMillis.addAndGet(latency);
			sleep(latency);
			inFlight.decrementAndGet();
			return Response.ok();
		});
		int keys = 50;
		int perKey = 20;
		Random random = new Random(42);
		int[] next = new int[keys];
		List<String> ids = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < keys * perKey; i++) {
			int key = random.nextInt(keys);
			while (next[key] == perKey) {
				key = (key + 1) % keys;
			}
			String connection = run + "_" + key;
			String id = Commands.newId();
			ids.add(id);
			commands().sendAsync(connection, id, "fivetran.connection.update", "{\"connection_id\":\"" + connection
					+ "\",\"run_setup_tests\":false,\"sequence\":" + next[key]++ + "}");
		}
		commands().flush();
		List<Recorded> done = results().await(
				(r) -> r.dataText("connection_id") != null && r.dataText("connection_id").startsWith(run), ids.size(),
				WAIT.multipliedBy(2));
		long wallMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		System.out.printf("ordering: per command, mean wait in its lane %.0f ms, mean execution %.0f ms%n",
				done.stream().mapToLong((r) -> between(r, "received_at", "started_at")).average().orElse(0),
				done.stream().mapToLong((r) -> between(r, "started_at", "finished_at")).average().orElse(0));

		Map<String, List<Integer>> sequences = new HashMap<>();
		for (Request request : fivetran.requests()) {
			if (request.path().startsWith("/v1/connections/" + run)) {
				sequences.computeIfAbsent(request.path(), (p) -> new ArrayList<>())
					.add(json(request.body()).path("sequence").asInt());
			}
		}
		assertThat(sequences).hasSize(keys);
		List<Integer> expected = new ArrayList<>();
		for (int i = 0; i < perKey; i++) {
			expected.add(i);
		}
		sequences.forEach((path, seen) -> assertThat(seen).as("execution order of %s", path).isEqualTo(expected));
		System.out.printf(
				"ordering: %d commands over %d keys in %d ms wall; Fivetran latency summed %d ms "
						+ "(%.1fx speed-up); peak concurrent calls %d on %d partitions%n",
				ids.size(), keys, wallMillis, serialMillis.get(), (double) serialMillis.get() / wallMillis, peak.get(),
				PARTITIONS);
		// Concurrency is asserted by what Fivetran saw at once, not by wall time: on a
		// busy
		// machine the wall time says more about the machine than about the lanes.
		assertThat(peak.get()).as("calls in flight at once, beyond the partition count").isGreaterThan(PARTITIONS);
	}

	@Test
	void aSlowConnectionDoesNotHoldUpOthersOnItsPartition() {
		String run = CommandFlowIntegrationTest.unique("slow");
		String slow = run + "_slow";
		int slowPartition = partitionOf(slow);
		List<String> fast = new ArrayList<>();
		for (int i = 0; fast.size() < 20; i++) {
			String candidate = run + "_fast" + i;
			if (partitionOf(candidate) == slowPartition) {
				fast.add(candidate);
			}
		}
		fivetran.when((r) -> r.path().equals("/v1/connections/" + slow),
				(r) -> Response.ok().after(Duration.ofSeconds(5)));
		String slowFirst = send(slow);
		String slowSecond = send(slow);
		long sentFast = System.nanoTime();
		List<String> fastIds = fast.stream().map(this::send).toList();

		for (String id : fastIds) {
			assertThat(resultOf(id).dataText("outcome")).isEqualTo("SUCCEEDED");
		}
		long fastMillis = Duration.ofNanos(System.nanoTime() - sentFast).toMillis();
		assertThat(results().matching((r) -> slowFirst.equals(r.dataText("command_id"))))
			.as("the slow connection's first call is still running")
			.isEmpty();
		System.out.printf(
				"slow key: 20 other connections on partition %d completed in %d ms while one call " + "took 5 s%n",
				slowPartition, fastMillis);

		Recorded first = resultOf(slowFirst);
		Recorded second = resultOf(slowSecond);
		assertThat(first.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(second.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(first.data().path("finished_at").asString()).isLessThan(second.data().path("started_at").asString());
	}

	private static long between(Recorded result, String from, String to) {
		return Duration.between(Instant.parse(result.dataText(from)), Instant.parse(result.dataText(to))).toMillis();
	}

	private String send(String connection) {
		String id = Commands.newId();
		commands().send(connection, id, "fivetran.connection.pause", "{\"connection_id\":\"" + connection + "\"}");
		return id;
	}

	private static int partitionOf(String key) {
		return Utils.toPositive(Utils.murmur2(key.getBytes())) % PARTITIONS;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
