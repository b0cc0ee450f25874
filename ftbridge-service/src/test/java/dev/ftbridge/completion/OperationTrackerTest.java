package dev.ftbridge.completion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.kafka.KafkaSendException;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.completion.Observation.RunEnded;
import dev.ftbridge.completion.Observation.SyncEnded;
import dev.ftbridge.completion.Observation.SyncStarted;
import dev.ftbridge.completion.Observation.SyncStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.ftbridge.support.MutableClock;

/**
 * The completion rules, through the tracker, on a clock the tests move: webhooks, polls,
 * grace, reschedules, deadlines and the partition's records.
 */
class OperationTrackerTest {

	private static final int PARTITION = 0;

	private static final OperationsProperties PROPERTIES = new OperationsProperties(Duration.ofMinutes(10),
			Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(15), Duration.ofMinutes(5),
			Duration.ofSeconds(10), 2000);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));

	private final RecordingOutput output = new RecordingOutput();

	private final ScriptedFivetran fivetran = new ScriptedFivetran();

	private final OperationTracker tracker = new OperationTracker(this.output, this.fivetran, PROPERTIES, this.clock);

	@Test
	void successfulSyncEndAfterAcceptanceSucceedsWithItsSyncId() {
		PendingOperation sync = open("conn_a", "cmd-1");
		later(Duration.ofMinutes(3));
		observe(end("conn_a", "sync-1", SyncStatus.SUCCESSFUL, null));
		CommandResult result = onlyResult();
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.syncId()).isEqualTo("sync-1");
		assertThat(result.commandId()).isEqualTo("cmd-1");
		assertThat(result.connectionId()).isEqualTo("conn_a");
		assertThat(result.durationMs()).isEqualTo(Duration.ofMinutes(3).toMillis() + 1000);
		assertThat(this.output.resultKeys).containsExactly("key-conn_a");
		assertThat(this.output.forgotten).extracting(PendingOperation::commandId).containsExactly("cmd-1");
		assertThat(this.tracker.openOperations()).isZero();
		assertThat(sync.recordKey()).isEqualTo("conn_a/cmd-1");
	}

	@Test
	void aSyncEndCreatedBeforeAcceptanceOrForAnotherConnectionEndsNothing() {
		open("conn_a", "cmd-1");
		Instant before = this.clock.instant().minusSeconds(5);
		this.tracker.observed(PARTITION, received(
				new SyncEnded("conn_a", "old", before, SyncStatus.FAILURE_WITH_TASK, "old failure", null, null, null)));
		later(Duration.ofSeconds(30));
		observe(end("conn_b", "sync-b", SyncStatus.SUCCESSFUL, null));
		this.tracker.observed(PARTITION, received(new RunEnded("conn_a", this.clock.instant(), true, null, null)));
		assertThat(this.output.results).isEmpty();
		assertThat(this.tracker.openOperations()).isEqualTo(1);
	}

	@Test
	void aSyncStartNamesTheSyncWhoseEndCounts() {
		open("conn_a", "cmd-1");
		later(Duration.ofSeconds(1));
		this.tracker.observed(PARTITION, received(new SyncStarted("conn_a", "mine", this.clock.instant())));
		assertThat(this.output.persisted).extracting(PendingOperation::syncId).containsExactly("mine");
		later(Duration.ofMinutes(1));
		observe(end("conn_a", "someone-elses", SyncStatus.SUCCESSFUL, null));
		assertThat(this.output.results).isEmpty();
		later(Duration.ofMinutes(1));
		observe(end("conn_a", "mine", SyncStatus.SUCCESSFUL, null));
		assertThat(onlyResult().syncId()).isEqualTo("mine");
	}

	@Test
	void failureWithTaskFailsAtOnceWithFivetransReasonAndTask() {
		open("conn_a", "cmd-1");
		later(Duration.ofMinutes(2));
		observe(new SyncEnded("conn_a", "sync-1", this.clock.instant(), SyncStatus.FAILURE_WITH_TASK,
				"Invalid credentials", "reconnect", null, null));
		CommandResult result = onlyResult();
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.reason()).contains("Invalid credentials").contains("reconnect");
		assertThat(result.retryable()).isFalse();
		assertThat(result.syncId()).isEqualTo("sync-1");
	}

	@Test
	void failedThenSuccessfulWithinTheGraceSucceedsAndMentionsTheFailure() {
		open("conn_a", "cmd-1");
		later(Duration.ofMinutes(2));
		observe(end("conn_a", "sync-1", SyncStatus.FAILED, "Connection reset"));
		assertThat(this.output.results).isEmpty();
		assertThat(this.output.persisted).singleElement().satisfies((held) -> {
			assertThat(held.failure().reason()).isEqualTo("Connection reset");
			assertThat(held.failure().until()).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(15)));
		});
		later(Duration.ofMinutes(10));
		tick();
		assertThat(this.output.results).isEmpty();
		observe(end("conn_a", "sync-2", SyncStatus.SUCCESSFUL, null));
		CommandResult result = onlyResult();
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.syncId()).isEqualTo("sync-2");
		assertThat(result.reason()).contains("sync-1").contains("Connection reset");
	}

	@Test
	void failedWithNoSuccessfulRetryFailsWhenTheGraceEnds() {
		open("conn_a", "cmd-1");
		later(Duration.ofMinutes(2));
		observe(end("conn_a", "sync-1", SyncStatus.FAILED, "Connection reset"));
		later(Duration.ofMinutes(1));
		observe(end("conn_a", "sync-2", SyncStatus.FAILED, "Connection reset again"));
		later(Duration.ofMinutes(14).minusSeconds(1));
		tick();
		assertThat(this.output.results).isEmpty();
		later(Duration.ofSeconds(1));
		tick();
		CommandResult result = onlyResult();
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.syncId()).isEqualTo("sync-1");
		assertThat(result.reason()).contains("Connection reset").contains("no retry");
		assertThat(result.retryable()).isTrue();
	}

	@Test
	void rescheduledUnderAManualScheduleIsTriggeredAgainWhenDue() {
		open("conn_a", "cmd-1");
		later(Duration.ofMinutes(1));
		Instant due = this.clock.instant().plus(Duration.ofMinutes(30));
		observe(new SyncEnded("conn_a", "sync-1", this.clock.instant(), SyncStatus.RESCHEDULED, "API quota", null, null,
				null));
		assertThat(this.output.results).isEmpty();
		this.fivetran.details("conn_a", details("manual", null, null, "rescheduled", due));
		tick();
		assertThat(this.fivetran.detailCalls).containsExactly("conn_a");
		assertThat(this.fivetran.syncCalls).isEmpty();
		assertThat(this.output.statuses).singleElement()
			.isInstanceOfSatisfying(ConnectionStatusObserved.class,
					(status) -> assertThat(status.syncState()).isEqualTo("rescheduled"));
		later(Duration.ofMinutes(29));
		tick();
		assertThat(this.fivetran.syncCalls).isEmpty();
		later(Duration.ofMinutes(1));
		tick();
		assertThat(this.fivetran.syncCalls).containsExactly("conn_a");
		later(Duration.ofMinutes(5));
		observe(end("conn_a", "sync-2", SyncStatus.SUCCESSFUL, null));
		CommandResult result = onlyResult();
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.attempts()).isEqualTo(2);
	}

	@Test
	void rescheduledUnderAnAutomaticScheduleIsLeftToFivetran() {
		open("conn_a", "cmd-1");
		later(Duration.ofMinutes(1));
		observe(new SyncEnded("conn_a", "sync-1", this.clock.instant(), SyncStatus.RESCHEDULED, null, null,
				this.clock.instant().plusSeconds(60), null));
		this.fivetran.details("conn_a", details("auto", null, null, "rescheduled", this.clock.instant()));
		tick();
		later(Duration.ofMinutes(2));
		tick();
		assertThat(this.fivetran.syncCalls).isEmpty();
		assertThat(this.output.persisted).last()
			.extracting(PendingOperation::reschedule)
			.isEqualTo(PendingOperation.Reschedule.WAIT);
		assertThat(this.output.results).isEmpty();
	}

	@Test
	void withoutWebhooksPollingSucceedsOnceSucceededAtIsAfterAcceptance() {
		Instant accepted = open("conn_a", "cmd-1").acceptedAt();
		this.fivetran.details("conn_a", details("auto", accepted.minusSeconds(3600), null, "syncing", null));
		later(Duration.ofMinutes(9));
		tick();
		assertThat(this.fivetran.detailCalls).isEmpty();
		later(Duration.ofMinutes(1));
		tick();
		assertThat(this.fivetran.detailCalls).hasSize(1);
		assertThat(this.output.statuses).isEmpty();
		this.fivetran.details("conn_a", details("auto", accepted.plusSeconds(700), null, "scheduled", null));
		later(Duration.ofMinutes(1));
		tick();
		assertThat(this.fivetran.detailCalls).hasSize(1);
		later(Duration.ofMinutes(4));
		tick();
		assertThat(onlyResult().outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(this.output.statuses).singleElement()
			.isInstanceOfSatisfying(ConnectionStatusObserved.class, (status) -> {
				assertThat(status.source()).isEqualTo("poll");
				assertThat(status.commandId()).isEqualTo("cmd-1");
			});
	}

	@Test
	void aFailedAtFromBeforeTheCommandNeverFailsIt() {
		Instant accepted = open("conn_a", "cmd-1").acceptedAt();
		// The last sync failed yesterday and none succeeded since: that is not this one.
		this.fivetran.details("conn_a", details("auto", null, accepted.minus(Duration.ofDays(1)), "syncing", null));
		for (int i = 0; i < 6; i++) {
			later(Duration.ofMinutes(5));
			tick();
		}
		assertThat(this.fivetran.detailCalls).hasSizeGreaterThanOrEqualTo(5);
		assertThat(this.output.results).isEmpty();
		assertThat(this.output.persisted).isEmpty();
		// A success older than the stale failure does not count either.
		this.fivetran.details("conn_a",
				details("auto", accepted.minusSeconds(60), accepted.minusSeconds(30), "syncing", null));
		later(Duration.ofMinutes(5));
		tick();
		assertThat(this.output.results).isEmpty();
	}

	@Test
	void aPolledFailureAfterTheCommandIsHeldForTheRetryGrace() {
		Instant accepted = open("conn_a", "cmd-1").acceptedAt();
		this.fivetran.details("conn_a",
				details("auto", accepted.minusSeconds(60), accepted.plusSeconds(300), "scheduled", null));
		later(Duration.ofMinutes(10));
		tick();
		assertThat(this.output.results).isEmpty();
		assertThat(this.output.persisted).singleElement()
			.satisfies((held) -> assertThat(held.failure().until()).isEqualTo(accepted.plusSeconds(300 + 900)));
		later(Duration.ofMinutes(10));
		tick();
		assertThat(onlyResult().outcome()).isEqualTo(Outcome.FAILED);
	}

	@Test
	void anOperationWithNoEndTimesOutAtItsDeadline() {
		open("conn_a", "cmd-1");
		later(Duration.ofHours(24).minusSeconds(1));
		tick();
		assertThat(this.output.results).isEmpty();
		later(Duration.ofSeconds(1));
		tick();
		CommandResult result = onlyResult();
		assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
		assertThat(result.reason()).contains("PT24H");
		assertThat(this.tracker.openOperations()).isZero();
	}

	@Test
	void aWebhookReadBeforeItsOperationStillEndsIt() {
		PendingOperation sync = operation("conn_a", "cmd-1");
		later(Duration.ofSeconds(20));
		observe(end("conn_a", "sync-1", SyncStatus.SUCCESSFUL, null));
		assertThat(this.output.results).isEmpty();
		later(Duration.ofSeconds(2));
		this.tracker.read(PARTITION, sync.recordKey(), OperationRecords.encode(sync));
		assertThat(onlyResult().syncId()).isEqualTo("sync-1");
	}

	@Test
	void eventsOlderThanTheRecentWindowAreNotKeptForLateOperations() {
		PendingOperation sync = operation("conn_a", "cmd-1");
		later(Duration.ofSeconds(20));
		observe(end("conn_a", "sync-1", SyncStatus.SUCCESSFUL, null));
		later(Duration.ofMinutes(6));
		tick();
		this.tracker.read(PARTITION, sync.recordKey(), OperationRecords.encode(sync));
		assertThat(this.output.results).isEmpty();
	}

	@Test
	void assignmentRebuildsExactlyTheOpenOperations() {
		PendingOperation ended = operation("conn_a", "cmd-1");
		PendingOperation open = operation("conn_b", "cmd-2");
		PendingOperation held = open.withFailure(new PendingOperation.HeldFailure("sync-b", "reset",
				this.clock.instant(), this.clock.instant().plus(Duration.ofMinutes(15))));
		this.tracker.assigned(PARTITION,
				List.of(stored(ended), stored(open), new StoredOperation(ended.recordKey(), null), stored(held)),
				List.of());
		assertThat(this.tracker.openOperations()).isEqualTo(1);
		later(Duration.ofMinutes(15));
		tick();
		CommandResult result = onlyResult();
		assertThat(result.commandId()).isEqualTo("cmd-2");
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
	}

	@Test
	void anOperationWhoseResultWasPublishedBeforeACrashIsRemovedNotEndedAgain() {
		// The previous owner published the terminal result and died before the tombstone.
		PendingOperation ended = operation("conn_a", "cmd-1");
		PendingOperation open = operation("conn_b", "cmd-2");
		this.output.result(ended,
				CommandResult.builder("cmd-1", "fivetran.connection.sync", Outcome.SUCCEEDED)
					.connectionId("conn_a")
					.build(this.clock.instant()));
		later(Duration.ofMinutes(1));
		this.tracker.assigned(PARTITION, List.of(stored(ended), stored(open)),
				List.of(received(end("conn_a", "sync-a", SyncStatus.SUCCESSFUL, null)),
						received(end("conn_b", "sync-b", SyncStatus.SUCCESSFUL, null))));
		assertThat(this.output.results).extracting(CommandResult::commandId).containsExactly("cmd-1", "cmd-2");
		assertThat(this.output.forgotten).extracting(PendingOperation::commandId)
			.containsExactlyInAnyOrder("cmd-1", "cmd-2");
		assertThat(this.tracker.openOperations()).isZero();
	}

	@Test
	void aTerminalResultWhoseAckWasLostIsNotPublishedAgain() {
		open("conn_a", "cmd-1");
		later(Duration.ofMinutes(1));
		this.output.loseNextAck = true;
		assertThatThrownBy(() -> observe(end("conn_a", "sync-1", SyncStatus.SUCCESSFUL, null)))
			.isInstanceOf(KafkaSendException.class);
		assertThat(this.tracker.openOperations()).as("still open: the publisher does not know").isEqualTo(1);
		later(Duration.ofSeconds(10));
		observe(end("conn_a", "sync-1", SyncStatus.SUCCESSFUL, null));
		assertThat(this.output.results).as("one result, the one that landed").hasSize(1);
		assertThat(this.output.forgotten).extracting(PendingOperation::commandId).containsExactly("cmd-1");
		assertThat(this.tracker.openOperations()).isZero();
	}

	@Test
	void aReconciledOperationIsFollowedOnlyIfItsCommandHasNotEnded() {
		this.tracker.assigned(PARTITION, List.of(), List.of());
		PendingOperation first = open("conn_a", "cmd-1");
		later(Duration.ofMinutes(1));
		observe(end("conn_a", "sync-1", SyncStatus.SUCCESSFUL, null));
		this.tracker.read(PARTITION, first.recordKey(), null);
		// the command is redelivered after a crash and reconciled: it is recorded again
		this.tracker.read(PARTITION, first.recordKey(), OperationRecords.encodeReconciled(first));
		assertThat(this.tracker.openOperations()).isZero();
		PendingOperation second = operation("conn_b", "cmd-2");
		this.tracker.read(PARTITION, second.recordKey(), OperationRecords.encodeReconciled(second));
		assertThat(this.tracker.openOperations()).isEqualTo(1);
		later(Duration.ofSeconds(30));
		observe(end("conn_b", "sync-2", SyncStatus.SUCCESSFUL, null));
		assertThat(this.output.results).extracting(CommandResult::commandId).containsExactly("cmd-1", "cmd-2");
	}

	@Test
	void ownRecordsReadBackAfterTheEndDoNotReopenIt() {
		PendingOperation sync = open("conn_a", "cmd-1");
		later(Duration.ofSeconds(5));
		this.tracker.observed(PARTITION, received(new SyncStarted("conn_a", "sync-1", this.clock.instant())));
		later(Duration.ofMinutes(1));
		observe(end("conn_a", "sync-1", SyncStatus.SUCCESSFUL, null));
		assertThat(this.output.results).hasSize(1);
		// the update written when sync_start bound the sync id, read back late
		this.tracker.read(PARTITION, sync.recordKey(), OperationRecords.encode(this.output.persisted.get(0)));
		assertThat(this.tracker.openOperations()).isZero();
		this.tracker.read(PARTITION, sync.recordKey(), null);
		later(Duration.ofMinutes(1));
		observe(end("conn_a", "sync-1", SyncStatus.SUCCESSFUL, null));
		assertThat(this.output.results).hasSize(1);
	}

	@Test
	void aTransformationRunEndsOnItsRunEvent() {
		CommandResult accepted = CommandResult.builder("cmd-t", "fivetran.transformation.run", Outcome.ACCEPTED)
			.resourceId("tr_1")
			.transformationId("tr_1")
			.attempts(1)
			.timing(this.clock.instant().minusSeconds(1), this.clock.instant())
			.build(this.clock.instant());
		PendingOperation run = PendingOperation.accepted("tr_1", 0, accepted, PROPERTIES.timeout());
		this.tracker.read(PARTITION, run.recordKey(), OperationRecords.encode(run));
		later(Duration.ofMinutes(1));
		observe(end("tr_1", "sync-x", SyncStatus.SUCCESSFUL, null));
		assertThat(this.output.results).isEmpty();
		this.tracker.observed(PARTITION, received(new RunEnded("tr_1", this.clock.instant(), false, "model failed",
				JsonNodeFactory.instance.objectNode().put("reason", "model failed"))));
		CommandResult result = onlyResult();
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.transformationId()).isEqualTo("tr_1");
		assertThat(result.connectionId()).isNull();
		assertThat(result.reason()).contains("model failed");
	}

	@Test
	void aTimedOutRunWhoseCommandAskedForItIsCancelledBeforeItEnds() {
		open(run("tr_1", "cmd-t").cancellingOnTimeout(true));
		later(Duration.ofHours(24));
		tick();
		CommandResult result = onlyResult();
		assertThat(this.fivetran.cancelCalls).containsExactly("tr_1");
		assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
		assertThat(result.reason()).contains("PT24H").contains("the run was cancelled at Fivetran");
		assertThat(this.tracker.openOperations()).isZero();
	}

	@Test
	void aTimedOutRunIsNotCancelledUnlessItsCommandAskedForIt() {
		open(run("tr_1", "cmd-t"));
		later(Duration.ofHours(24));
		tick();
		assertThat(onlyResult().outcome()).isEqualTo(Outcome.TIMED_OUT);
		assertThat(this.fivetran.cancelCalls).isEmpty();
	}

	@Test
	void aCancelThatFailsStillEndsTheRunTimedOutSayingSo() {
		this.fivetran.failCancels(FivetranFailures.rejected(404, "Transformation not found"));
		open(run("tr_1", "cmd-t").cancellingOnTimeout(true));
		later(Duration.ofHours(24));
		tick();
		CommandResult result = onlyResult();
		assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
		assertThat(result.reason()).contains("cancelling the run at Fivetran failed").contains("not found");
		assertThat(this.tracker.openOperations()).isZero();
		tick();
		assertThat(this.fivetran.cancelCalls).containsExactly("tr_1");
	}

	@Test
	void aRunThatEndsBeforeItsDeadlineIsNotCancelled() {
		open(run("tr_1", "cmd-t").cancellingOnTimeout(true));
		later(Duration.ofMinutes(1));
		this.tracker.observed(PARTITION, received(new RunEnded("tr_1", this.clock.instant(), true, null, null)));
		later(Duration.ofHours(24));
		tick();
		assertThat(onlyResult().outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(this.fivetran.cancelCalls).isEmpty();
	}

	@Test
	void cancelOnTimeoutSurvivesTheRecordAndCountsOnlyForRuns() {
		PendingOperation run = run("tr_1", "cmd-t").cancellingOnTimeout(true);
		assertThat(OperationRecords.decode(OperationRecords.encode(run))).isEqualTo(run);
		assertThat(OperationRecords.decode(OperationRecords.encode(run(("tr_2"), "cmd-u"))).cancelOnTimeout())
			.isFalse();
		assertThat(run.cancelsOnTimeout()).isTrue();
		assertThat(operation("conn_a", "cmd-1").cancellingOnTimeout(true).cancelsOnTimeout()).isFalse();
	}

	@Test
	void gaugesCountOpenOperationsAndTheOldestAge() {
		open("conn_a", "cmd-1");
		later(Duration.ofSeconds(30));
		open("conn_b", "cmd-2");
		later(Duration.ofSeconds(30));
		assertThat(this.tracker.openOperations()).isEqualTo(2);
		assertThat(this.tracker.oldestAgeSeconds()).isEqualTo(60.0);
		this.tracker.revoked(PARTITION);
		assertThat(this.tracker.openOperations()).isZero();
		assertThat(this.tracker.oldestAgeSeconds()).isZero();
	}

	@Test
	void recordsSurviveTheirEncoding() {
		PendingOperation sync = operation("conn_a", "cmd-1")
			.withFailure(new PendingOperation.HeldFailure(null, "reset", this.clock.instant(), this.clock.instant()))
			.withReschedule(PendingOperation.Reschedule.RETRIGGER, this.clock.instant().plusSeconds(5));
		assertThat(OperationRecords.decode(OperationRecords.encode(sync))).isEqualTo(sync);
		assertThat(OperationRecords.decode("{\"format\":99}".getBytes())).isNull();
		assertThat(OperationRecords.decode("not json".getBytes())).isNull();
	}

	private PendingOperation open(String connection, String commandId) {
		PendingOperation operation = operation(connection, commandId);
		this.tracker.read(PARTITION, operation.recordKey(), OperationRecords.encode(operation));
		return operation;
	}

	private PendingOperation operation(String connection, String commandId) {
		Instant now = this.clock.instant();
		CommandResult accepted = CommandResult.builder(commandId, "fivetran.connection.sync", Outcome.ACCEPTED)
			.resourceId(connection)
			.connectionId(connection)
			.attempts(1)
			.timing(now.minusSeconds(1), now.minusMillis(200))
			.build(now);
		return PendingOperation.accepted("key-" + connection, 2, accepted, PROPERTIES.timeout());
	}

	private void open(PendingOperation operation) {
		this.tracker.read(PARTITION, operation.recordKey(), OperationRecords.encode(operation));
	}

	private PendingOperation run(String transformation, String commandId) {
		Instant now = this.clock.instant();
		CommandResult accepted = CommandResult.builder(commandId, "fivetran.transformation.run", Outcome.ACCEPTED)
			.resourceId(transformation)
			.transformationId(transformation)
			.attempts(1)
			.timing(now.minusSeconds(1), now.minusMillis(200))
			.build(now);
		return PendingOperation.accepted(transformation, 0, accepted, PROPERTIES.timeout());
	}

	private static StoredOperation stored(PendingOperation operation) {
		return new StoredOperation(operation.recordKey(), OperationRecords.encode(operation));
	}

	private SyncEnded end(String connection, String syncId, SyncStatus status, String reason) {
		return new SyncEnded(connection, syncId, this.clock.instant(), status, reason, null, null, null);
	}

	private void observe(Observation observation) {
		this.tracker.observed(PARTITION, received(observation));
	}

	private ReceivedObservation received(Observation observation) {
		return new ReceivedObservation(observation, this.clock.instant());
	}

	private Instant later(Duration duration) {
		this.clock.advance(duration);
		return this.clock.instant();
	}

	private void tick() {
		this.tracker.tick();
	}

	private CommandResult onlyResult() {
		assertThat(this.output.results).hasSize(1);
		return this.output.results.get(0);
	}

	private static String details(String scheduleType, Instant succeededAt, Instant failedAt, String syncState,
			Instant rescheduledFor) {
		return "{\"id\":\"conn_a\",\"group_id\":\"g1\",\"service\":\"postgres\",\"schema\":\"pg\",\"paused\":false,"
				+ "\"schedule_type\":\"" + scheduleType + "\",\"sync_frequency\":360,\"succeeded_at\":"
				+ quoted(succeededAt) + ",\"failed_at\":" + quoted(failedAt) + ",\"status\":{\"setup_state\":"
				+ "\"connected\",\"sync_state\":\"" + syncState + "\",\"update_state\":\"on_schedule\","
				+ "\"is_historical_sync\":false,\"rescheduled_for\":" + quoted(rescheduledFor) + "}}";
	}

	private static String quoted(Instant instant) {
		return (instant != null) ? "\"" + instant + "\"" : "null";
	}

}
