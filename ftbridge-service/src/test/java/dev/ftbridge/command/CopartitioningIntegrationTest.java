package dev.ftbridge.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.ftbridge.BridgeIntegrationTest;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Any Kafka client may publish commands: a librdkafka client (CRC32 of the key), a
 * producer naming the partition itself, a record without a key. Every result of a command
 * lands in the command's own partition number, so the ledger, rebuilt from that partition
 * of the result topic after a restart, knows every command id that ran.
 */
class CopartitioningIntegrationTest extends BridgeIntegrationTest {

	private static final int PARTITIONS = 3;

	private static final String PAUSE = "fivetran.connection.pause";

	@Autowired
	private CommandConsumer consumer;

	@Test
	void commandsFromAnyPartitionerAreAnsweredInTheirPartitionAndRunOnceAcrossARestart() {
		String run = CommandFlowIntegrationTest.unique("copart");
		List<Sent> sent = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			sent.add(crc32Keyed(run + "_crc" + i));
		}
		for (int i = 0; i < 6; i++) {
			String connection = run + "_explicit" + i;
			// a partition other than the one the Java client would give the key
			int partition = (murmur2(connection) + 1 + (i % 2)) % PARTITIONS;
			String id = Commands.newId();
			sent.add(new Sent(id, connection, connection,
					commands().publish(partition, connection, id, PAUSE, pause(connection))));
		}
		for (int i = 0; i < 6; i++) {
			String connection = run + "_keyless" + i;
			String id = Commands.newId();
			sent.add(new Sent(id, connection, null,
					librdkafkaCommands().publish(null, null, id, PAUSE, pause(connection))));
		}
		assertThat(sent).as("premise: commands in partitions the Java client would not give their result key")
			.filteredOn((command) -> command.partition() != murmur2(command.connection()))
			.hasSizeGreaterThanOrEqualTo(6);

		for (Sent command : sent) {
			Recorded result = resultOf(command.id());
			assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
			assertThat(result.partition()).as("partition of the result of %s", command).isEqualTo(command.partition());
		}
		sent.forEach(this::publishAgain);
		assertDuplicatesInTheirPartitions(sent, 2);

		this.consumer.stop();
		this.consumer.start();
		sent.forEach(this::publishAgain);
		assertDuplicatesInTheirPartitions(sent, 3);
		for (Sent command : sent) {
			assertThat(fivetran.requests("PATCH", "/v1/connections/" + command.connection()))
				.as("executions of %s", command)
				.hasSize(1);
		}
	}

	@Test
	void rejectedCommandsAreAnsweredAndDeadLetteredInTheirPartition() {
		String run = CommandFlowIntegrationTest.unique("copart_bad");
		List<Sent> sent = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String key = run + "_" + i;
			String id = Commands.newId();
			// no connection_id: a schema violation whose id can be read
			sent.add(new Sent(id, key, key, librdkafkaCommands().publish(null, key, id, PAUSE, "{}")));
		}
		String keyless = Commands.newId();
		sent.add(new Sent(keyless, null, null, librdkafkaCommands().publish(null, null, keyless, PAUSE, "{}")));
		assertThat(sent).filteredOn((command) -> command.key() != null && command.partition() != murmur2(command.key()))
			.as("premise")
			.isNotEmpty();
		for (Sent command : sent) {
			Recorded result = resultOf(command.id());
			assertThat(result.dataText("outcome")).isEqualTo("REJECTED");
			assertThat(result.partition()).as("partition of the result of %s", command).isEqualTo(command.partition());
			Recorded letter = deadLetters()
				.await((r) -> r.value() != null && new String(r.value(), StandardCharsets.UTF_8).contains(command.id()),
						1, WAIT)
				.get(0);
			assertThat(letter.partition()).isEqualTo(command.partition());
		}
	}

	@Test
	void theBridgeRefusesToStartWhenAnOutputTopicHasFewerPartitionsThanTheCommandTopic() throws Exception {
		String run = CommandFlowIntegrationTest.unique("layout");
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			admin.createTopics(List.of(new NewTopic(run + ".commands", 3, (short) 1),
					new NewTopic(run + ".results", 2, (short) 1), new NewTopic(run + ".ledger", 3, (short) 1),
					new NewTopic(run + ".wide-results", 6, (short) 1)))
				.all()
				.get();
			PartitionCountCheck narrow = new PartitionCountCheck(() -> admin, run + ".commands",
					List.of(run + ".results", run + ".ledger", run + ".dlt"), Duration.ofSeconds(10));
			assertThatIllegalStateException().isThrownBy(() -> narrow.check(admin))
				.withMessageContaining(run + ".results has 2 partitions and " + run + ".commands has 3")
				.withMessageContaining("partitions 2..2 could not be answered")
				.withMessageContaining(run + ".dlt does not exist")
				.withMessageNotContaining(run + ".ledger");
			new PartitionCountCheck(() -> admin, run + ".commands", List.of(run + ".ledger", run + ".wide-results"),
					Duration.ofSeconds(10))
				.check(admin);
		}
	}

	private Sent crc32Keyed(String connection) {
		String id = Commands.newId();
		return new Sent(id, connection, connection,
				librdkafkaCommands().publish(null, connection, id, PAUSE, pause(connection)));
	}

	/**
	 * The same command again, to the partition it was first published to (where the same
	 * producer puts the same key; a record without a key is named the partition).
	 */
	private void publishAgain(Sent command) {
		int partition = librdkafkaCommands().publish(command.partition(), command.key(), command.id(), PAUSE,
				pause(command.connection()));
		assertThat(partition).isEqualTo(command.partition());
	}

	private void assertDuplicatesInTheirPartitions(List<Sent> sent, int results) {
		for (Sent command : sent) {
			List<Recorded> found = resultsOf(command.id(), results);
			assertThat(found).extracting((r) -> r.dataText("outcome"))
				.as("results of %s", command)
				.hasSize(results)
				.containsOnlyOnce("SUCCEEDED")
				.containsOnly("SUCCEEDED", "DUPLICATE");
			assertThat(found).extracting(Recorded::partition)
				.as("partitions of %s", command)
				.containsOnly(command.partition());
		}
	}

	private static String pause(String connection) {
		return "{\"connection_id\":\"" + connection + "\"}";
	}

	private static int murmur2(String key) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
	}

	/** A command as published: its id, connection, key (or null) and partition. */
	private record Sent(String id, String connection, String key, int partition) {

	}

}
