package dev.ftbridge.completion;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.ConnectionDetails;
import dev.ftbridge.completion.Observation.SyncEnded;
import dev.ftbridge.completion.Observation.SyncStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the completion rules treat a sensor ({@code fivetran.connection.await}) unlike a
 * sync command: it never asks for a re-trigger and does not hold a failure for a retry.
 */
class SensorRulesTest {

	private static final Instant AFTER = Instant.parse("2026-03-01T12:00:00Z");

	private static final Instant NOW = AFTER.plusSeconds(60);

	private static final Duration GRACE = Duration.ofMinutes(10);

	@Test
	void aRescheduledManualConnectionIsNotRetriggeredForASensorButIsForASync() {
		ConnectionDetails rescheduled = details(
				"{'id':'c1','schedule_type':'manual','status':{'sync_state':'rescheduled',"
						+ "'rescheduled_for':'2026-03-01T12:00:30Z'}}");
		assertThat(CompletionRules.polledConnection(operation("fivetran.connection.await"), rescheduled, NOW, GRACE))
			.isEqualTo(Decision.NONE);
		assertThat(CompletionRules.polledConnection(operation("fivetran.connection.sync"), rescheduled, NOW, GRACE))
			.isInstanceOfSatisfying(Decision.Update.class, (update) -> assertThat(update.operation().reschedule())
				.isEqualTo(PendingOperation.Reschedule.RETRIGGER));
		SyncEnded end = new SyncEnded("c1", "s1", NOW, SyncStatus.RESCHEDULED, null, null, null, null);
		assertThat(CompletionRules.observed(operation("fivetran.connection.await"), end, NOW, GRACE))
			.isEqualTo(Decision.NONE);
	}

	@Test
	void aFailedSyncFailsASensorAtOnceWithTheReasonButIsHeldForASync() {
		SyncEnded failed = new SyncEnded("c1", "s1", NOW, SyncStatus.FAILED, "Connection reset", null, null, null);
		assertThat(CompletionRules.observed(operation("fivetran.connection.await"), failed, NOW, GRACE))
			.isInstanceOfSatisfying(Decision.Complete.class, (end) -> {
				assertThat(end.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(end.reason()).contains("Connection reset");
			});
		assertThat(CompletionRules.observed(operation("fivetran.connection.sync"), failed, NOW, GRACE))
			.isInstanceOf(Decision.Update.class);
	}

	@Test
	void onlyASyncEndAfterAfterCounts() {
		SyncEnded before = new SyncEnded("c1", "s0", AFTER.minusSeconds(1), SyncStatus.SUCCESSFUL, null, null, null,
				null);
		assertThat(CompletionRules.observed(operation("fivetran.connection.await"), before, NOW, GRACE))
			.isEqualTo(Decision.NONE);
	}

	@Test
	void aSensorStaysASensorAcrossItsRecordSoARestartKeepsItsRules() {
		PendingOperation sensor = operation("fivetran.connection.await");
		PendingOperation read = OperationRecords.decode(OperationRecords.encode(sensor));
		assertThat(read).isEqualTo(sensor);
		assertThat(read.sensor()).isTrue();
		assertThat(read.acceptedAt()).isEqualTo(AFTER);
		assertThat(operation("fivetran.connection.sync").sensor()).isFalse();
	}

	private static PendingOperation operation(String type) {
		CommandResult accepted = CommandResult.builder("cmd-1", type, Outcome.ACCEPTED)
			.resourceId("c1")
			.connectionId("c1")
			.attempts(1)
			.timing(NOW.minusSeconds(2), NOW.minusSeconds(1))
			.build(NOW);
		return PendingOperation.accepted("c1", 0, accepted, Duration.ofHours(1), AFTER);
	}

	private static ConnectionDetails details(String json) {
		return ConnectionDetails.of(JsonMapper.builder().build().readTree(json.replace('\'', '"')));
	}

}
