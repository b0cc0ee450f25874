package dev.ftbridge.completion;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.ConnectionName;
import dev.ftbridge.contract.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pending operation names its command's partition, where its terminal result goes and
 * where the result history looks; a record written before operations named it is still
 * read, and its results are looked for where they went then.
 */
class OperationRecordsTest {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void anOperationKeepsItsCommandsPartition() {
		PendingOperation operation = PendingOperation.accepted("conn_a", 2, accepted(), Duration.ofHours(1));
		PendingOperation read = OperationRecords.decode(OperationRecords.encode(operation));
		assertThat(read).isEqualTo(operation);
		assertThat(read.partition()).isEqualTo(2);
		assertThat(ResultHistory.resultPartition(read, 3)).isEqualTo(2);
	}

	@Test
	void anOperationRecordedBeforeOperationsNamedThePartitionIsReadAndLooksWhereItsKeyHashes() {
		String before = """
				{"format":1,"command_id":"cmd-1","command_type":"fivetran.connection.sync","key":"conn_a",
				"connection_id":"conn_a","accepted_at":"2026-12-01T10:00:00Z","deadline":"2026-12-02T10:00:00Z",
				"received_at":"2026-12-01T09:59:59Z","started_at":"2026-12-01T09:59:59.500Z","attempts":1,
				"sync_id":null,"reschedule":"NONE","rescheduled_for":null}""";
		PendingOperation read = OperationRecords.decode(before.getBytes(StandardCharsets.UTF_8));
		assertThat(read).isNotNull();
		assertThat(read.partition()).isNull();
		assertThat(read.commandId()).isEqualTo("cmd-1");
		assertThat(ResultHistory.resultPartition(read, 3)).isEqualTo(PendingOperationsTopic.partitionOf("conn_a", 3));
	}

	@Test
	void anOperationOnAConnectionAddressedByNameKeepsTheNameForItsTerminalResult() {
		ConnectionName name = new ConnectionName("g1", "Sales EU", "orders_pg");
		CommandResult named = accepted().withConnection(name, "conn_a");
		PendingOperation read = OperationRecords
			.decode(OperationRecords.encode(PendingOperation.accepted("g1/orders_pg", 1, named, Duration.ofHours(1))));
		assertThat(read.connection()).isEqualTo(name);
		CommandResult end = TerminalResults.of(read,
				new Decision.Complete(Outcome.SUCCEEDED, "sync_1", null, null, null), NOW);
		assertThat(end.connection()).isEqualTo(name);
		assertThat(end.connectionId()).isEqualTo("conn_a");
		assertThat(end.resourceId()).isEqualTo("conn_a");
		assertThat(end.groupId()).isEqualTo("g1");
	}

	@Test
	void anOperationOnAConnectionAddressedByIdHasNoName() {
		PendingOperation read = OperationRecords
			.decode(OperationRecords.encode(PendingOperation.accepted("conn_a", 1, accepted(), Duration.ofHours(1))));
		assertThat(read.connection()).isNull();
		CommandResult end = TerminalResults.of(read,
				new Decision.Complete(Outcome.SUCCEEDED, "sync_1", null, null, null), NOW);
		assertThat(end.connection()).isNull();
		assertThat(end.groupId()).isNull();
	}

	private static CommandResult accepted() {
		return CommandResult.builder("cmd-1", "fivetran.connection.sync", Outcome.ACCEPTED)
			.resourceId("conn_a")
			.connectionId("conn_a")
			.attempts(1)
			.timing(NOW.minusSeconds(1), NOW.minusMillis(200))
			.build(NOW);
	}

}
