package dev.ftbridge.completion;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pending operation remembers its command's Fivetran account (from the accepted
 * result), keeps it through every change and in its record, and its terminal result names
 * it; a record written before accounts belongs to {@code default}.
 */
class OperationAccountsTest {

	private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

	@Test
	void anOperationTakesItsAccountFromTheAcceptedResultAndKeepsIt() {
		PendingOperation operation = PendingOperation.accepted("conn_a", 1, accepted().withAccount("eu"),
				Duration.ofHours(1));
		assertThat(operation.account()).isEqualTo("eu");
		PendingOperation changed = operation.withSyncId("s1")
			.withReschedule(PendingOperation.Reschedule.RETRIGGER, NOW)
			.retriggered()
			.cancellingOnTimeout(true);
		assertThat(changed.account()).isEqualTo("eu");
		PendingOperation read = OperationRecords.decode(OperationRecords.encode(changed));
		assertThat(read).isEqualTo(changed);
		CommandResult terminal = TerminalResults.of(read,
				new Decision.Complete(Outcome.SUCCEEDED, null, null, null, null), NOW);
		assertThat(terminal.account()).isEqualTo("eu");
	}

	@Test
	void anOperationRecordedBeforeAccountsIsTheDefaultAccounts() {
		String before = """
				{"format":1,"command_id":"cmd-1","command_type":"fivetran.connection.sync","key":"conn_a",
				"partition":0,"connection_id":"conn_a","accepted_at":"2026-12-01T10:00:00Z",
				"deadline":"2026-12-02T10:00:00Z","received_at":"2026-12-01T09:59:59Z",
				"started_at":"2026-12-01T09:59:59.500Z","attempts":1,"sync_id":null,"reschedule":"NONE",
				"rescheduled_for":null}""";
		PendingOperation read = OperationRecords.decode(before.getBytes(StandardCharsets.UTF_8));
		assertThat(read).isNotNull();
		assertThat(read.account()).isEqualTo("default");
	}

	@Test
	void aResultNamingNoAccountIsTheDefaultAccounts() {
		assertThat(PendingOperation.accepted("conn_a", 1, accepted(), Duration.ofHours(1)).account())
			.as("a result naming no account")
			.isEqualTo("default");
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
