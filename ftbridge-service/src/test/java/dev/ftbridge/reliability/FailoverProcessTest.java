package dev.ftbridge.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import dev.ftbridge.support.Commands;
import dev.ftbridge.support.TopicRecorder;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas share the commands (20 a second); one is killed with SIGKILL mid-run. Its
 * commands (on its partitions, published up to 10 s after the kill) that had no result
 * when it died are answered by the other within 15 s of the kill, or of their publication
 * if later; the async operations it had ACCEPTED (their pending operations and webhooks
 * move too) end within those 15 s plus the 5 s a sync takes in the sandbox. Every command
 * ends exactly once. The broker runs with Kafka's default group settings.
 */
class FailoverProcessTest extends ProcessTest {

	private static final String GROUP = "ftbridge";

	private static final int PARTITIONS = 6;

	private static final int COMMANDS = 400;

	/** Commands published per 250 ms: 20 a second, for 20 s. */
	private static final int PER_TICK = 5;

	/** The kill comes after this many commands are published (8 s in). */
	private static final int KILL_AFTER = 160;

	private static final Duration LIMIT = Duration.ofSeconds(15);

	/**
	 * How long a sync, resync or transformation run takes in the sandbox (5 min × 1/60).
	 */
	private static final Duration SYNC = Duration.ofSeconds(5);

	@Test
	void killedReplicasCommandsAreAnsweredByTheOtherWithinFifteenSeconds() throws Exception {
		Workload workload = Workload.mixed(this.stage.sandbox(), COMMANDS, 12);
		BridgeProcess survivor = this.stage.startBridge(settings("survivor"));
		BridgeProcess victim = this.stage.startReplica(settings("victim"));
		try (Commands producer = new Commands(this.stage.bootstrapServers(), "fivetran.commands");
				Admin admin = Admin
					.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.stage.bootstrapServers()))) {
			survivor.awaitReady(Duration.ofSeconds(90));
			victim.awaitReady(Duration.ofSeconds(90));
			ProcessSupport.await(Duration.ofSeconds(60), "both replicas sharing the command partitions", () -> {
				Map<String, Set<Integer>> owners = owners(admin);
				return owners.size() == 2 && owners.values().stream().noneMatch(Set::isEmpty)
						&& owners.values().stream().mapToInt(Set::size).sum() == PARTITIONS;
			});
			Set<Integer> victims = owners(admin).get("victim");
			TopicRecorder results = this.stage.results();
			Map<String, Long> publishedAt = new HashMap<>();
			long killedAt = 0;
			for (int from = 0; from < workload.size(); from += PER_TICK) {
				int to = Math.min(workload.size(), from + PER_TICK);
				long now = System.currentTimeMillis();
				workload.commands().subList(from, to).forEach((sent) -> publishedAt.put(sent.id(), now));
				workload.publish(producer, from, to);
				if (killedAt == 0 && to >= KILL_AFTER) {
					killedAt = System.currentTimeMillis();
					victim.kill();
				}
				Thread.sleep(250);
			}
			Outcomes outcomes = Outcomes.await(workload, results, survivor, Duration.ofMinutes(2));
			List<Recorded> recorded = results.records();
			Map<String, Long> waits = waits(workload, recorded, victims, publishedAt, killedAt, false);
			Map<String, Long> accepted = waits(workload, recorded, victims, publishedAt, killedAt, true);
			System.out.printf(
					"failover: replica with command partitions %s of %d killed (SIGKILL) after %d of %d commands; "
							+ "%d of its commands waited for the other: answered %s ms after the kill "
							+ "(min/median/max; slowest %s); %d operations it had accepted ended %s ms after the kill; "
							+ "now %s; outcomes %s%n",
					victims, PARTITIONS, KILL_AFTER, workload.size(), waits.size(), figures(waits.values()),
					slowest(waits, workload), accepted.size(), figures(accepted.values()), owners(admin),
					outcomes.terminalByOutcome());
			assertThat(answeredBeforeTheKill(workload, recorded, victims, killedAt))
				.as("results the killed replica published before it died")
				.isPositive();
			assertThat(owners(admin)).as("command partitions by replica after the kill")
				.containsOnlyKeys("survivor")
				.containsEntry("survivor", Set.of(0, 1, 2, 3, 4, 5));
			assertThat(waits).as("commands of the killed replica").hasSizeGreaterThanOrEqualTo(20);
			assertThat(waits.values()).as("ms from the kill to each answer of the killed replica's commands")
				.allSatisfy((wait) -> assertThat(wait).isLessThan(LIMIT.toMillis()));
			assertThat(accepted.values())
				.as("ms from the kill to the end of each operation the killed replica had accepted")
				.allSatisfy((wait) -> assertThat(wait).isLessThan(LIMIT.plus(SYNC).toMillis()));
			outcomes.assertExactlyOneTerminalEach();
			outcomes.assertNoDuplicateResults();
			outcomes.assertCostlyEffectsAtMostOnce(this.stage.sandbox().requestLog().requests());
		}
		finally {
			victim.close();
			survivor.close();
		}
	}

	/** Each replica's consumers are named after it. */
	private static String[] settings(String name) {
		return new String[] { Outcomes.QUICK_COMPLETION[0], Outcomes.QUICK_COMPLETION[1],
				"--spring.kafka.consumer.client-id=" + name };
	}

	/** The command partitions of each member of the bridge's group, by replica name. */
	private static Map<String, Set<Integer>> owners(Admin admin) {
		try {
			ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP))
				.describedGroups()
				.get(GROUP)
				.get(10, TimeUnit.SECONDS);
			Map<String, Set<Integer>> owners = new TreeMap<>();
			for (MemberDescription member : group.members()) {
				Set<Integer> partitions = new TreeSet<>();
				member.assignment().topicPartitions().forEach((partition) -> partitions.add(partition.partition()));
				owners.merge(member.clientId(), partitions, (one, other) -> {
					one.addAll(other);
					return one;
				});
			}
			return owners;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The partition the producer's default partitioner picks for a key. */
	private static int partition(String key) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
	}

	/**
	 * For each command of the killed replica (published no later than 10 s after the
	 * kill): with {@code accepted} false, those with no result when it died, ms from the
	 * kill (or their publication, if later) to their first result; with {@code accepted}
	 * true, those it had answered ACCEPTED and not ended, ms from the kill to their
	 * terminal result.
	 */
	private static Map<String, Long> waits(Workload workload, List<Recorded> results, Set<Integer> victims,
			Map<String, Long> publishedAt, long killedAt, boolean accepted) {
		Set<String> answeredBefore = new HashSet<>();
		Set<String> endedBefore = new HashSet<>();
		for (Recorded result : results) {
			if (result.timestamp() < killedAt) {
				answeredBefore.add(result.dataText("command_id"));
				if (Workload.TERMINAL.contains(result.dataText("outcome"))) {
					endedBefore.add(result.dataText("command_id"));
				}
			}
		}
		Map<String, Long> waits = new HashMap<>();
		for (Workload.Sent sent : workload.commands()) {
			long from = Math.max(killedAt, publishedAt.get(sent.id()));
			boolean theirs = victims.contains(partition(sent.key())) && from <= killedAt + 10_000;
			boolean waiting = accepted ? answeredBefore.contains(sent.id()) && !endedBefore.contains(sent.id())
					: !answeredBefore.contains(sent.id());
			if (theirs && waiting) {
				results.stream()
					.filter((result) -> sent.id().equals(result.dataText("command_id")))
					.filter((result) -> result.timestamp() >= killedAt)
					.filter((result) -> !accepted || Workload.TERMINAL.contains(result.dataText("outcome")))
					.mapToLong(Recorded::timestamp)
					.min()
					.ifPresent((answered) -> waits.put(sent.id(), answered - from));
			}
		}
		return waits;
	}

	private static long answeredBeforeTheKill(Workload workload, List<Recorded> results, Set<Integer> victims,
			long killedAt) {
		Set<String> theirs = new HashSet<>();
		workload.commands()
			.stream()
			.filter((sent) -> victims.contains(partition(sent.key())))
			.forEach((sent) -> theirs.add(sent.id()));
		return results.stream()
			.filter((result) -> result.timestamp() < killedAt)
			.filter((result) -> theirs.contains(result.dataText("command_id")))
			.count();
	}

	private static String slowest(Map<String, Long> waits, Workload workload) {
		Map<String, String> types = new HashMap<>();
		workload.commands().forEach((sent) -> types.put(sent.id(), sent.type()));
		return waits.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(3)
			.map((entry) -> types.get(entry.getKey()) + " " + entry.getValue() + " ms")
			.toList()
			.toString();
	}

	private static String figures(Collection<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		sorted.sort(null);
		if (sorted.isEmpty()) {
			return "none";
		}
		return sorted.get(0) + "/" + sorted.get(sorted.size() / 2) + "/" + sorted.get(sorted.size() - 1);
	}

}
