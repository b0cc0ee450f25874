package dev.ftbridge.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ftbridge.kafka.TopicProperties;
import dev.ftbridge.ops.TopicsFile.Topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * topics/topics.yaml, the application's topic defaults and topics/create-topics.sh name
 * and shape the same topics. (Compose and Kubernetes are held to topics.yaml in their own
 * tests.)
 */
class TopicsInStepTest {

	private static final long DAY_MS = Duration.ofDays(1).toMillis();

	private final TopicsFile file = TopicsFile.load();

	private final TopicProperties defaults = Application.topicDefaults();

	@Test
	void topicsYamlDefinesExactlyTheApplicationsTopicsUnderTheirProperties() {
		Map<String, String> fromFile = new LinkedHashMap<>();
		this.file.topics().forEach((topic) -> fromFile.put(topic.property(), topic.name()));
		assertThat(fromFile).containsExactlyInAnyOrderEntriesOf(Application.topicNames(this.defaults));
	}

	@Test
	void everyTopicHasTheApplicationsPartitionCount() {
		assertThat(this.file.topics()).allSatisfy(
				(topic) -> assertThat(topic.partitions()).as(topic.name()).isEqualTo(this.defaults.partitions()));
	}

	@Test
	void deadLetterTopicHasAtLeastTheSourcesPartitionsAndLongerRetention() {
		Topic commands = this.file.named(this.defaults.commands());
		Topic dlt = this.file.named(this.defaults.commandsDlt());
		assertThat(dlt.partitions()).isGreaterThanOrEqualTo(commands.partitions());
		assertThat(dlt.retentionMs()).isGreaterThan(commands.retentionMs());
	}

	@Test
	void commandAndDeadLetterTopicsTakeTheRecordSizeTheApplicationSets() throws ReflectiveOperationException {
		String appLimit = Integer.toString(maxRecordBytesOfTheApplication());
		assertThat(this.file.named(this.defaults.commands()).config()).containsEntry("max.message.bytes", appLimit);
		assertThat(this.file.named(this.defaults.commandsDlt()).config()).containsEntry("max.message.bytes", appLimit);
		assertThat(Integer.parseInt(appLimit)).isGreaterThan(Application.commandDefaults().maxCommandBytes());
	}

	@Test
	void onlyTheConnectionStateAndThePendingOperationsAreCompacted() {
		List<String> compacted = List.of(this.defaults.connectionState(), this.defaults.pendingOperations(),
				this.defaults.commandLedger(), this.defaults.connectionSchemas());
		assertThat(this.file.topics())
			.allSatisfy((topic) -> assertThat(topic.config().get("cleanup.policy")).as(topic.name())
				.isEqualTo(compacted.contains(topic.name()) ? "compact" : "delete"));
	}

	@Test
	void webhookInboxKeepsAWeekAtLeast() {
		assertThat(this.file.named(this.defaults.webhooks()).retentionMs()).isGreaterThanOrEqualTo(7 * DAY_MS);
	}

	@Test
	void everyTopicNeedsTwoInSyncReplicasOfThree() {
		assertThat(this.file.replicationFactor()).isEqualTo(3);
		assertThat(this.file.topics()).allSatisfy(
				(topic) -> assertThat(topic.config()).as(topic.name()).containsEntry("min.insync.replicas", "2"));
	}

	@Test
	void createTopicsScriptCreatesEveryTopicOfTopicsYamlIdempotently(@TempDir Path dir) throws Exception {
		List<List<String>> calls = runCreateTopics(dir, "--bootstrap-server", "broker:9092");
		assertThat(calls).hasSameSizeAs(this.file.topics());
		for (List<String> call : calls) {
			assertThat(call).contains("--create", "--if-not-exists")
				.containsSequence("--bootstrap-server", "broker:9092");
			Topic topic = this.file.named(option(call, "--topic"));
			assertThat(option(call, "--partitions")).isEqualTo(Integer.toString(topic.partitions()));
			assertThat(option(call, "--replication-factor")).isEqualTo("3");
			assertThat(configs(call)).isEqualTo(topic.config());
		}
		assertThat(calls).extracting((call) -> option(call, "--topic"))
			.containsExactlyInAnyOrderElementsOf(this.file.names());
	}

	@Test
	void createTopicsScriptLowersMinInsyncReplicasToASmallerReplicationFactor(@TempDir Path dir) throws Exception {
		List<List<String>> calls = runCreateTopics(dir, "--bootstrap-server", "broker:9092", "--replication-factor",
				"1");
		assertThat(calls).isNotEmpty()
			.allSatisfy((call) -> assertThat(configs(call)).containsEntry("min.insync.replicas", "1"))
			.allSatisfy((call) -> assertThat(option(call, "--replication-factor")).isEqualTo("1"));
	}

	/**
	 * Runs create-topics.sh with a stand-in kafka-topics.sh that records its arguments,
	 * one call per line.
	 */
	private static List<List<String>> runCreateTopics(Path dir, String... arguments)
			throws IOException, InterruptedException {
		Path bash = Path.of("/bin/bash");
		assumeTrue(Files.isExecutable(bash), "create-topics.sh needs bash, and this machine has none");
		Path log = dir.resolve("calls.txt");
		Path stub = dir.resolve("kafka-topics.sh");
		Files.writeString(stub, "#!/bin/bash\n(IFS=$'\\t'; echo \"$*\") >> '" + log + "'\n");
		stub.toFile().setExecutable(true);
		List<String> command = new ArrayList<>(List.of(bash.toString(), "topics/create-topics.sh"));
		command.addAll(Arrays.asList(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(OpsFiles.path(".").toFile())
			.redirectErrorStream(true);
		builder.environment().put("KAFKA_TOPICS", stub.toString());
		builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
		builder.environment().remove("REPLICATION_FACTOR");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return Files.readAllLines(log).stream().map((line) -> List.of(line.split("\t"))).toList();
	}

	private static String option(List<String> call, String name) {
		int index = call.indexOf(name);
		assertThat(index).as("%s in %s", name, call).isNotNegative();
		return call.get(index + 1);
	}

	private static Map<String, String> configs(List<String> call) {
		Map<String, String> configs = new LinkedHashMap<>();
		for (int i = 0; i < call.size() - 1; i++) {
			if (call.get(i).equals("--config")) {
				String[] entry = call.get(i + 1).split("=", 2);
				configs.put(entry[0], entry[1]);
			}
		}
		return configs;
	}

	private static int maxRecordBytesOfTheApplication() throws ReflectiveOperationException {
		// The limit the bridge gives the command and dead-letter topics when it creates
		// them.
		var field = Class.forName("dev.ftbridge.kafka.KafkaConfiguration").getDeclaredField("MAX_RECORD_BYTES");
		field.setAccessible(true);
		return field.getInt(null);
	}

}
