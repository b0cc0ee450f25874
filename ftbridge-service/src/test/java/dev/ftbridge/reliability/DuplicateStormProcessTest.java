package dev.ftbridge.reliability;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.ftbridge.support.Commands;
import dev.ftbridge.support.Crc32Partitioner;
import dev.ftbridge.support.TopicRecorder;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upstream retries gone wild: each of 500 commands published three times with the same
 * id, the third copy after the bridge was restarted. About half the keys are published by
 * a producer that partitions as librdkafka clients do (CRC32 of the key, not the Java
 * client's murmur2), so the ledger rebuilt after the restart must find their results in
 * the command's partition, not in the partition their key hashes to. Each command
 * executes once; every copy gets a {@code DUPLICATE} result that names the original.
 */
class DuplicateStormProcessTest extends ProcessTest {

	@Test
	void eachOf500CommandsPublishedThreeTimesExecutesOnce() throws Exception {
		Workload workload = Workload.mixed(this.stage.sandbox(), 500, 37);
		try (Commands producer = new Commands(this.stage.bootstrapServers(), "fivetran.commands");
				Commands librdkafka = new Commands(this.stage.bootstrapServers(), "fivetran.commands",
						Crc32Partitioner.class)) {
			try (BridgeProcess bridge = this.stage.readyBridge(Outcomes.QUICK_COMPLETION)) {
				workload.publish(producer, librdkafka, 0, workload.size());
				workload.publish(producer, librdkafka, 0, workload.size());
				Thread.sleep(3000);
				assertThat(bridge.terminate(Duration.ofSeconds(60))).as("stopped on SIGTERM").isNotNull();
			}
			TopicRecorder results = this.stage.results();
			long restarting = System.nanoTime();
			try (BridgeProcess bridge = this.stage.readyBridge(Outcomes.QUICK_COMPLETION)) {
				long ready = Duration.ofNanos(System.nanoTime() - restarting).toMillis();
				workload.publish(producer, librdkafka, 0, workload.size());
				Outcomes outcomes = Outcomes.await(workload, results, bridge, Duration.ofMinutes(3));
				ProcessSupport.await(Duration.ofSeconds(60), "a DUPLICATE result for every copy",
						() -> duplicatesPerCommand(workload, results.records()).values()
							.stream()
							.allMatch((n) -> n >= 2));
				Map<String, Integer> duplicates = duplicatesPerCommand(workload, results.records());
				long caught = duplicates.values().stream().mapToInt(Integer::intValue).sum();
				long applied = outcomes.assertCostlyEffectsAtMostOnce(this.stage.sandbox().requestLog().requests());
				long crc32 = workload.commands().stream().filter(Workload::viaLibrdkafka).count();
				System.out.printf("duplicate storm: %d commands × 3 copies (%d by a CRC32-partitioning producer; the "
						+ "third copy after a restart, ready in %d ms): %d DUPLICATE results, %d costly effects "
						+ "applied for %d costly commands, outcomes %s%n", workload.size(), crc32, ready, caught,
						applied, workload.costly(), outcomes.terminalByOutcome());
				assertThat(crc32).as("commands published by the CRC32-partitioning producer")
					.isBetween(workload.size() / 4L, workload.size() * 3L / 4);
				outcomes.assertExactlyOneTerminalEach();
				assertThat(duplicates).as("DUPLICATE results per command: one per copy")
					.hasSize(workload.size())
					.allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(2));
				assertThat(originals(results.records())).as("every DUPLICATE names its original command")
					.isEqualTo(caught);
			}
		}
	}

	private static Map<String, Integer> duplicatesPerCommand(Workload workload, List<Recorded> results) {
		Map<String, Integer> counts = new HashMap<>();
		Set<String> ids = workload.commands().stream().map(Workload.Sent::id).collect(Collectors.toSet());
		for (Recorded result : results) {
			if ("DUPLICATE".equals(result.dataText("outcome")) && ids.contains(result.dataText("command_id"))) {
				counts.merge(result.dataText("command_id"), 1, Integer::sum);
			}
		}
		return counts;
	}

	private static long originals(List<Recorded> results) {
		return results.stream()
			.filter((result) -> "DUPLICATE".equals(result.dataText("outcome")))
			.filter((result) -> result.dataText("command_id").equals(result.dataText("original_command_id")))
			.count();
	}

}
