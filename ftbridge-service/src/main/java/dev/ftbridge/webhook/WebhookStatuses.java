package dev.ftbridge.webhook;

import java.time.Instant;

import dev.ftbridge.completion.Observation;
import dev.ftbridge.completion.Observation.SyncStatus;
import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.contract.TransformationStatusObserved;
import dev.ftbridge.fivetran.FivetranTime;

/**
 * What a webhook says, as a status event (source {@code webhook}) and as an observation
 * that may end a pending operation.
 */
final class WebhookStatuses {

	private static final String SOURCE = "webhook";

	private WebhookStatuses() {
	}

	/**
	 * The connection status a connection event of an account shows, or null for other
	 * events.
	 */
	static ConnectionStatusObserved connection(WebhookEvent event, String account, Instant receivedAt) {
		if (event.connectionId() == null || FivetranEvents.TEST_EVENT.equals(event.event())) {
			return null;
		}
		String time = event.createdText();
		boolean start = FivetranEvents.SYNC_START.equals(event.event());
		boolean end = FivetranEvents.SYNC_END.equals(event.event());
		SyncStatus status = end ? SyncStatus.of(text(event, "status")) : null;
		String syncState = start ? "syncing" : end ? stateAfter(status) : null;
		String succeededAt = (status == SyncStatus.SUCCESSFUL) ? normalized(time) : null;
		boolean failed = status == SyncStatus.FAILED || status == SyncStatus.FAILURE_WITH_TASK;
		String rescheduledFor = (status == SyncStatus.RESCHEDULED) ? normalized(text(event, "rescheduledAt")) : null;
		return new ConnectionStatusObserved(event.connectionId(), SOURCE, observedAt(event, receivedAt),
				event.groupId(), event.connectionType(), event.connectionName(), paused(event.event()), null, null,
				null, syncState, null, null, rescheduledFor, succeededAt, failed ? normalized(time) : null, null)
			.withEvent(event.event(), event.syncId(),
					(status != null && status != SyncStatus.UNKNOWN) ? status.name() : null, text(event, "reason"),
					text(event, "taskType"))
			.withAccount(account);
	}

	/**
	 * The transformation status a transformation event of an account shows, or null for
	 * others.
	 */
	static TransformationStatusObserved transformation(WebhookEvent event, String account, Instant receivedAt) {
		if (event.transformationId() == null) {
			return null;
		}
		String status = FivetranEvents.RUN_SUCCEEDED.contains(event.event()) ? "SUCCEEDED"
				: FivetranEvents.RUN_FAILED.contains(event.event()) ? "FAILED" : "RUNNING";
		return new TransformationStatusObserved(event.transformationId(), SOURCE, observedAt(event, receivedAt),
				event.event(), status, text(event, "reason"), null, null, account);
	}

	/** The observation a sync or run event makes, or null for other events. */
	static Observation observation(WebhookEvent event, Instant receivedAt) {
		Instant created = observedAt(event, receivedAt);
		if (event.connectionId() != null && FivetranEvents.SYNC_START.equals(event.event())) {
			return new Observation.SyncStarted(event.connectionId(), event.syncId(), created);
		}
		if (event.connectionId() != null && FivetranEvents.SYNC_END.equals(event.event())) {
			return new Observation.SyncEnded(event.connectionId(), event.syncId(), created,
					SyncStatus.of(text(event, "status")), text(event, "reason"), text(event, "taskType"),
					FivetranTime.parse(text(event, "rescheduledAt")), event.data());
		}
		if (event.transformationId() != null && !FivetranEvents.RUN_STARTED.contains(event.event())) {
			return new Observation.RunEnded(event.transformationId(), created,
					FivetranEvents.RUN_SUCCEEDED.contains(event.event()), text(event, "reason"), event.data());
		}
		return null;
	}

	/**
	 * The sync state a sync end leaves; unknown after {@code FAILED}, which Fivetran is
	 * retrying.
	 */
	private static String stateAfter(SyncStatus status) {
		return switch (status) {
			case SUCCESSFUL, FAILURE_WITH_TASK -> "scheduled";
			case RESCHEDULED -> "rescheduled";
			case FAILED, UNKNOWN -> null;
		};
	}

	/** Fivetran's {@code created}; when it is missing or unreadable, when it arrived. */
	private static Instant observedAt(WebhookEvent event, Instant receivedAt) {
		return (event.created() != null) ? event.created() : receivedAt;
	}

	private static Boolean paused(String event) {
		if (FivetranEvents.PAUSE_CONNECTOR.equals(event)) {
			return true;
		}
		return FivetranEvents.RESUME_CONNECTOR.equals(event) ? false : null;
	}

	private static String text(WebhookEvent event, String field) {
		return event.data().path(field).isString() ? event.data().path(field).asString() : null;
	}

	private static String normalized(String time) {
		Instant instant = FivetranTime.parse(time);
		return (instant != null) ? instant.toString() : null;
	}

}
