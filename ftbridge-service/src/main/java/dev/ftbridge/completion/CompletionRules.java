package dev.ftbridge.completion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.ConnectionDetails;
import dev.ftbridge.fivetran.TransformationState;
import dev.ftbridge.completion.Observation.RunEnded;
import dev.ftbridge.completion.Observation.SyncEnded;
import dev.ftbridge.completion.Observation.SyncStarted;
import dev.ftbridge.completion.PendingOperation.HeldFailure;
import dev.ftbridge.completion.PendingOperation.Reschedule;
import dev.ftbridge.completion.PendingOperation.Resource;

/**
 * When an operation is finished, and how: from webhooks, from what a poll of connection
 * details shows, and from the clock. Only events created after the operation was accepted
 * count; a {@code FAILED} sync is held for Fivetran's own retry; a {@code RESCHEDULED}
 * one is not an end.
 */
final class CompletionRules {

	private CompletionRules() {
	}

	/** Whether an observation is about the operation's resource. */
	static boolean concerns(Observation observation, PendingOperation operation) {
		Resource kind = (observation instanceof RunEnded) ? Resource.TRANSFORMATION : Resource.CONNECTION;
		return kind == operation.resource() && operation.resourceId().equals(observation.resourceId());
	}

	static Decision observed(PendingOperation operation, Observation observation, Instant now, Duration grace) {
		if (!concerns(observation, operation) || !observation.created().isAfter(operation.acceptedAt())) {
			return Decision.NONE;
		}
		if (observation instanceof RunEnded run) {
			return run.succeeded() ? new Decision.Complete(Outcome.SUCCEEDED, null, null, null, run.data())
					: new Decision.Complete(Outcome.FAILED, null,
							"the transformation run failed" + because(run.reason()), true, run.data());
		}
		if (observation instanceof SyncStarted start) {
			boolean bind = operation.syncId() == null && operation.failure() == null && start.syncId() != null;
			return bind ? new Decision.Update(operation.withSyncId(start.syncId())) : Decision.NONE;
		}
		SyncEnded end = (SyncEnded) observation;
		if (operation.failure() != null) {
			return afterFailure(operation, end);
		}
		if (operation.syncId() != null && end.syncId() != null && !operation.syncId().equals(end.syncId())) {
			// sync_start named the sync this operation started; another sync's end is
			// not its end
			return Decision.NONE;
		}
		return switch (end.status()) {
			case SUCCESSFUL -> new Decision.Complete(Outcome.SUCCEEDED, end.syncId(), null, null, end.data());
			case FAILURE_WITH_TASK -> failedWithTask(end);
			case FAILED -> operation.sensor() ? sensedFailure(end.syncId(), end.reason(), end.data())
					: new Decision.Update(operation
						.withFailure(new HeldFailure(end.syncId(), end.reason(), end.created(), now.plus(grace))));
			case RESCHEDULED -> operation.sensor() ? Decision.NONE
					: new Decision.Update(operation.withReschedule(Reschedule.CHECK_SCHEDULE, end.rescheduledFor()));
			case UNKNOWN -> Decision.NONE;
		};
	}

	/**
	 * A sensor reports the failed sync it waited for: it started none, so there is no
	 * retry of its own to wait for.
	 */
	private static Decision sensedFailure(String syncId, String reason, JsonNode data) {
		return new Decision.Complete(Outcome.FAILED, syncId, "the sync failed" + because(reason), false, data);
	}

	/** A sync failed earlier: only a later end counts, and a success still wins. */
	private static Decision afterFailure(PendingOperation operation, SyncEnded end) {
		HeldFailure failure = operation.failure();
		if (!end.created().isAfter(failure.failedAt())) {
			return Decision.NONE;
		}
		return switch (end.status()) {
			case SUCCESSFUL ->
				new Decision.Complete(Outcome.SUCCEEDED, end.syncId(), retriedAfter(failure), null, end.data());
			case FAILURE_WITH_TASK -> failedWithTask(end);
			case RESCHEDULED ->
				new Decision.Update(operation.withReschedule(Reschedule.CHECK_SCHEDULE, end.rescheduledFor()));
			case FAILED, UNKNOWN -> Decision.NONE;
		};
	}

	private static Decision failedWithTask(SyncEnded end) {
		String task = (end.taskType() != null) ? "; Fivetran asks for a task: " + end.taskType() : "";
		return new Decision.Complete(Outcome.FAILED, end.syncId(),
				"the sync failed (FAILURE_WITH_TASK)" + because(end.reason()) + task, false, end.data());
	}

	/** What the clock alone decides: the deadline, and the end of a retry grace. */
	static Decision onTick(PendingOperation operation, Instant now) {
		HeldFailure failure = operation.failure();
		if (failure != null && (!now.isBefore(failure.until()) || !now.isBefore(operation.deadline()))) {
			return failedAfterGrace(failure);
		}
		if (!now.isBefore(operation.deadline())) {
			Duration waited = Duration.between(operation.acceptedAt(), operation.deadline());
			return new Decision.Complete(Outcome.TIMED_OUT, operation.syncId(),
					"Fivetran reported no end of the operation within " + waited, true, null);
		}
		return Decision.NONE;
	}

	private static Decision failedAfterGrace(HeldFailure failure) {
		ObjectNode response = JsonNodeFactory.instance.objectNode().put("status", "FAILED");
		if (failure.reason() != null) {
			response.put("reason", failure.reason());
		}
		return new Decision.Complete(Outcome.FAILED, failure.syncId(),
				"the sync failed" + because(failure.reason()) + " and no retry by Fivetran succeeded in time", true,
				response);
	}

	/**
	 * What connection details show: success when {@code succeeded_at} is after the
	 * acceptance and not older than {@code failed_at}; failure when {@code failed_at} is
	 * after both; otherwise a rescheduled sync, or nothing yet. A {@code failed_at} from
	 * before the command never fails it.
	 */
	static Decision polledConnection(PendingOperation operation, ConnectionDetails details, Instant now,
			Duration grace) {
		Instant succeeded = details.succeededAt();
		Instant failed = details.failedAt();
		if (Times.after(succeeded, operation.acceptedAt()) && (failed == null || !succeeded.isBefore(failed))) {
			String reason = (operation.failure() != null) ? retriedAfter(operation.failure()) : null;
			return new Decision.Complete(Outcome.SUCCEEDED, operation.syncId(), reason, null, null);
		}
		if (Times.after(failed, operation.acceptedAt()) && (succeeded == null || failed.isAfter(succeeded))) {
			return polledFailure(operation, details, failed, now, grace);
		}
		if (operation.sensor()) {
			// a sensor waits for whatever Fivetran runs next; it never triggers a sync
			return Decision.NONE;
		}
		if (details.syncState("rescheduled") || operation.reschedule() == Reschedule.CHECK_SCHEDULE) {
			return rescheduled(operation, details, now);
		}
		return Decision.NONE;
	}

	private static Decision polledFailure(PendingOperation operation, ConnectionDetails details, Instant failed,
			Instant now, Duration grace) {
		List<ConnectionDetails.Task> tasks = details.status().tasks();
		if (!tasks.isEmpty()) {
			ConnectionDetails.Task task = tasks.get(0);
			String code = (task.code() != null) ? task.code() : "?";
			return new Decision.Complete(Outcome.FAILED, operation.syncId(),
					"the sync failed at " + failed + "; Fivetran asks for a task: " + code + because(task.message()),
					false, null);
		}
		if (operation.sensor()) {
			return sensedFailure(operation.syncId(), "Fivetran reports a failed sync at " + failed, null);
		}
		if (operation.failure() != null) {
			return Decision.NONE;
		}
		HeldFailure failure = new HeldFailure(operation.syncId(), "Fivetran reports a failed sync at " + failed, failed,
				failed.plus(grace));
		return now.isBefore(failure.until()) ? new Decision.Update(operation.withFailure(failure))
				: failedAfterGrace(failure);
	}

	/**
	 * A rescheduled sync: under a manual schedule the bridge triggers it when due
	 * (Fivetran expects the caller to), otherwise Fivetran does.
	 */
	private static Decision rescheduled(PendingOperation operation, ConnectionDetails details, Instant now) {
		Instant due = details.status().rescheduledFor();
		if (due == null) {
			due = operation.rescheduledFor();
		}
		boolean manual = "manual".equals(details.scheduleType());
		Reschedule next = manual ? Reschedule.RETRIGGER : Reschedule.WAIT;
		Instant at = (manual && due == null) ? now : due;
		if (operation.reschedule() == next && java.util.Objects.equals(operation.rescheduledFor(), at)) {
			return Decision.NONE;
		}
		return new Decision.Update(operation.withReschedule(next, at));
	}

	/**
	 * What transformation details show: the run that ended after the acceptance, by its
	 * status. A partial success is reported as a failure: some models did not build.
	 */
	static Decision polledTransformation(PendingOperation operation, TransformationState details) {
		if (!Times.after(details.lastEndedAt(), operation.acceptedAt())) {
			return Decision.NONE;
		}
		String status = (details.status() != null) ? details.status() : "";
		return switch (status) {
			case "SUCCEEDED" -> new Decision.Complete(Outcome.SUCCEEDED, null, null, null, null);
			case "PARTIALLY_SUCCEEDED", "FAILED", "CANCELED" ->
				new Decision.Complete(Outcome.FAILED, null, "the transformation run ended " + status, true, null);
			default -> Decision.NONE;
		};
	}

	private static String retriedAfter(HeldFailure failure) {
		String sync = (failure.syncId() != null) ? " " + failure.syncId() : "";
		return "succeeded after Fivetran retried: sync" + sync + " failed first" + because(failure.reason());
	}

	private static String because(String reason) {
		return (reason != null && !reason.isBlank()) ? ": " + reason : "";
	}

}
