package dev.ftbridge.completion;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.Crc32Partitioner;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The terminal result of an asynchronous command, published later by the operations
 * module, lands in the command's own partition like its {@code ACCEPTED}, whatever
 * partitioner published the command: so a costly resync published again after a restart
 * is a {@code DUPLICATE}, not a second resync.
 */
class CopartitionedOperationsIntegrationTest extends AsyncFlowTest {

	private static final int PARTITIONS = 3;

	private static final String RESYNC = "fivetran.connection.resync";

	@Autowired
	@Qualifier("commandConsumer")
	private SmartLifecycle commandConsumer;

	@Test
	void resyncsFromALibrdkafkaClientOrWithoutKeyEndInTheirPartitionAndRunOnceAcrossARestart() throws Exception {
		List<Sent> sent = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String connection = unique("copart_rs");
			while (i < 4 && crc32(connection) == murmur2(connection)) {
				// keyed ones where the two partitioners differ, so the premise holds
				connection = unique("copart_rs");
			}
			String id = Commands.newId();
			String key = (i < 4) ? connection : null;
			sent.add(new Sent(id, connection, key,
					librdkafkaCommands().publish(null, key, id, RESYNC, data(connection))));
		}
		assertThat(sent).as("premise: commands in partitions the Java client would not give their result key")
			.filteredOn((command) -> command.partition() != murmur2(command.connection()))
			.isNotEmpty();
		for (Sent command : sent) {
			Recorded accepted = resultsOf(command.id(), 1).get(0);
			assertThat(accepted.dataText("outcome")).isEqualTo("ACCEPTED");
			assertThat(accepted.partition()).as("partition of the ACCEPTED of %s", command)
				.isEqualTo(command.partition());
		}
		for (Sent command : sent) {
			assertThat(post(syncEvent("sync_end", command.connection(), "sync-1", "{\"status\":\"SUCCESSFUL\"}")))
				.isEqualTo(202);
		}
		for (Sent command : sent) {
			Recorded terminal = lastResult(command.id(), 2);
			assertThat(terminal.dataText("outcome")).isEqualTo("SUCCEEDED");
			assertThat(terminal.partition()).as("partition of the terminal result of %s", command)
				.isEqualTo(command.partition());
		}

		assertThat(history().ended(sent.stream().map(this::operation).toList()))
			.as("a restored operation finds its terminal result in its command's partition")
			.containsExactlyInAnyOrderElementsOf(sent.stream().map(Sent::id).toList());

		this.commandConsumer.stop();
		this.commandConsumer.start();
		for (Sent command : sent) {
			librdkafkaCommands().publish(command.partition(), command.key(), command.id(), RESYNC,
					data(command.connection()));
		}
		for (Sent command : sent) {
			Recorded again = lastResult(command.id(), 3);
			assertThat(again.dataText("outcome")).as("%s published again after a restart", command)
				.isEqualTo("DUPLICATE");
			assertThat(again.partition()).isEqualTo(command.partition());
			assertThat(fivetran.requests("POST", "/v1/connections/" + command.connection() + "/resync"))
				.as("resyncs of %s", command)
				.hasSize(1);
		}
	}

	/** The result history as a restarted instance reads it, on this broker. */
	private ResultHistory history() {
		return new ResultHistory(new DefaultKafkaConsumerFactory<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()),
				new ByteArrayDeserializer(), new ByteArrayDeserializer()), "fivetran.command-results");
	}

	/** The pending operation the command's ACCEPTED opened (as recorded now). */
	private PendingOperation operation(Sent command) {
		Instant accepted = Instant.now().minusSeconds(30);
		CommandResult result = CommandResult.builder(command.id(), RESYNC, Outcome.ACCEPTED)
			.resourceId(command.connection())
			.connectionId(command.connection())
			.attempts(1)
			.timing(accepted, accepted)
			.build(accepted);
		return PendingOperation.accepted(command.connection(), command.partition(), result, Duration.ofHours(1));
	}

	private static String data(String connection) {
		return "{\"connection_id\":\"" + connection + "\",\"scope\":{\"public\":[\"orders\"]}}";
	}

	private static int crc32(String key) {
		return Crc32Partitioner.partitionOf(key.getBytes(StandardCharsets.UTF_8), PARTITIONS);
	}

	private static int murmur2(String key) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
	}

	/** A command as published: its id, connection, key (or null) and partition. */
	private record Sent(String id, String connection, String key, int partition) {

	}

}
