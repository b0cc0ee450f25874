package dev.ftbridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The default lifecycle. A sync runs for {@code lifecycle.syncDuration} (sandbox time),
 * {@code scheduled → syncing}, and ends as the connection's next {@link SyncScript} says;
 * with none queued it sets {@code succeeded_at}, or {@code failed_at} with
 * {@code FAILURE_WITH_TASK} when the setup is broken. Every outcome timestamp is strictly
 * later than the previous ones and equals the {@code created} of its {@code sync_end}.
 *
 * <ul>
 * <li>{@code FAILED_THEN_SUCCESSFUL}: {@code sync_end FAILED} sets {@code failed_at}
 * while {@code sync_state} stays {@code syncing} (Fivetran is retrying); after the delay
 * a second {@code sync_end SUCCESSFUL} with the <em>same</em> {@code sync_id} and no new
 * {@code sync_start} sets {@code succeeded_at} (Fivetran has been seen to send a FAILED
 * and later a SUCCESSFUL {@code sync_end} while it retries one sync).</li>
 * <li>{@code RESCHEDULED}: {@code sync_state} becomes {@code rescheduled} with
 * {@code rescheduled_for}; an {@code auto} connection starts a new sync then, a
 * {@code manual} one waits for {@code /sync}
 * (https://fivetran.com/docs/rest-api/tutorials/trigger-syncs-manually).</li>
 * <li>{@code NEVER_ENDS}: it stays {@code syncing}.</li>
 * </ul>
 * A trigger without force while syncing does nothing; with force it replaces the running
 * sync (whose end, retry included, is then dropped). Nothing starts while the connection
 * is paused. Transformation runs go {@code RUNNING → SUCCEEDED} (or {@code FAILED} when
 * scripted to) after {@code lifecycle.transformationDuration}, or run until cancelled
 * when scripted to hang.
 */
final class SimulatedSyncEngine implements SyncEngine {

	private final SandboxState state;

	private final SandboxSettings.Lifecycle lifecycle;

	private final LifecycleListener events;

	private final SandboxTimer timer;

	SimulatedSyncEngine(SandboxState state, SandboxClock clock, SandboxSettings.Lifecycle lifecycle,
			LifecycleListener events) {
		this.state = state;
		this.lifecycle = lifecycle;
		this.events = events;
		this.timer = new SandboxTimer(clock, "fivetran-sandbox-lifecycle");
	}

	@Override
	public void syncRequested(String connectionId, boolean force) {
		start(connectionId, force);
	}

	@Override
	public void resyncRequested(String connectionId, JsonNode scope) {
		start(connectionId, false);
	}

	@Override
	public void tablesResyncRequested(String connectionId, JsonNode tables) {
		start(connectionId, false);
	}

	private void start(String connectionId, boolean force) {
		publish(this.state.locked(() -> {
			SandboxConnection connection = this.state.findConnection(connectionId);
			if (connection == null || connection.paused || (connection.syncing && !force)) {
				return null;
			}
			return begin(connection);
		}));
	}

	/** Starts a sync that takes the next script; called with the state locked. */
	private SandboxEvent begin(SandboxConnection connection) {
		connection.syncing = true;
		connection.rescheduledFor = null;
		connection.syncId = UUID.randomUUID().toString();
		long generation = ++connection.syncGeneration;
		SyncScript script = connection.scripts.poll();
		if (script == null || script.outcome() != SyncScript.Outcome.NEVER_ENDS) {
			Duration duration = (script != null && script.duration() != null) ? script.duration()
					: this.lifecycle.syncDuration();
			String id = connection.id;
			this.timer.after(duration, () -> publish(end(id, generation, script)));
		}
		return SandboxEvent.about(SandboxEvent.SYNC_START, this.state.now(), connection, null);
	}

	/** Ends the sync of that generation as scripted (null: the default outcome). */
	private SandboxEvent end(String connectionId, long generation, SyncScript script) {
		return this.state.locked(() -> {
			SandboxConnection connection = this.state.findConnection(connectionId);
			if (connection == null || !connection.syncing || connection.syncGeneration != generation) {
				return null;
			}
			Instant time = connection.outcomeTime(this.state.now());
			ObjectNode data = Json.object();
			SyncScript outcome = (script != null) ? script : defaultOutcome(connection);
			switch (outcome.outcome()) {
				case SUCCESSFUL -> succeed(connection, time, data);
				case FAILURE_WITH_TASK -> failWithTask(connection, time, data, outcome);
				case FAILED_THEN_SUCCESSFUL -> failAndRetry(connection, generation, time, data, outcome);
				case RESCHEDULED -> reschedule(connection, generation, time, data, outcome);
				default -> throw new IllegalStateException("A never-ending sync has no end");
			}
			return SandboxEvent.about(SandboxEvent.SYNC_END, time, connection, data);
		});
	}

	private static SyncScript defaultOutcome(SandboxConnection connection) {
		return "connected".equals(connection.setupState) ? SyncScript.successful()
				: new SyncScript(SyncScript.Outcome.FAILURE_WITH_TASK, "Setup tests failed", "reconnect", null, null);
	}

	private static void succeed(SandboxConnection connection, Instant time, ObjectNode data) {
		connection.syncing = false;
		connection.succeededAt = time;
		connection.historicalSync = false;
		connection.syncTasks = Json.array();
		data.put("status", "SUCCESSFUL");
	}

	private static void failWithTask(SandboxConnection connection, Instant time, ObjectNode data, SyncScript script) {
		connection.syncing = false;
		connection.failedAt = time;
		boolean known = connection.allTasks()
			.valueStream()
			.anyMatch((task) -> script.taskType().equals(task.path("code").asString()));
		if (!known) {
			connection.syncTasks.addObject()
				.put("code", script.taskType())
				.put("message", script.taskType())
				.put("details", script.reasonOrDefault());
		}
		data.put("status", "FAILURE_WITH_TASK")
			.put("reason", script.reasonOrDefault())
			.put("taskType", script.taskType());
	}

	private void failAndRetry(SandboxConnection connection, long generation, Instant time, ObjectNode data,
			SyncScript script) {
		connection.failedAt = time;
		data.put("status", "FAILED").put("reason", script.reasonOrDefault());
		String id = connection.id;
		this.timer.at(time.plus(script.delay()), () -> publish(end(id, generation, SyncScript.successful())));
	}

	private void reschedule(SandboxConnection connection, long generation, Instant time, ObjectNode data,
			SyncScript script) {
		connection.syncing = false;
		connection.rescheduledFor = time.plus(script.delay());
		data.put("status", "RESCHEDULED").put("rescheduledAt", Json.timestamp(connection.rescheduledFor));
		if ("auto".equals(connection.scheduleType)) {
			String id = connection.id;
			this.timer.at(connection.rescheduledFor, () -> publish(restart(id, generation)));
		}
	}

	/** An {@code auto} connection's own start at {@code rescheduled_for}. */
	private SandboxEvent restart(String connectionId, long generation) {
		return this.state.locked(() -> {
			SandboxConnection connection = this.state.findConnection(connectionId);
			if (connection == null || connection.syncing || connection.paused || connection.rescheduledFor == null
					|| connection.syncGeneration != generation || !"auto".equals(connection.scheduleType)) {
				return null;
			}
			return begin(connection);
		});
	}

	@Override
	public void transformationRunRequested(String transformationId, boolean fullRefresh) {
		publish(this.state.locked(() -> {
			SandboxTransformation transformation = this.state.findTransformation(transformationId);
			if (transformation == null) {
				return null;
			}
			transformation.status = "RUNNING";
			transformation.lastStartedAt = this.state.now();
			long generation = ++transformation.runGeneration;
			if (!transformation.scriptedToHang()) {
				this.timer.after(this.lifecycle.transformationDuration(),
						() -> publish(finishRun(transformationId, generation)));
			}
			return SandboxEvent.aboutTransformation(SandboxEvent.TRANSFORMATION_RUN_START, transformation.lastStartedAt,
					transformationId, Json.object().put("status", "RUNNING"));
		}));
	}

	private SandboxEvent finishRun(String transformationId, long generation) {
		return this.state.locked(() -> {
			SandboxTransformation transformation = this.state.findTransformation(transformationId);
			if (transformation == null || transformation.runGeneration != generation) {
				return null;
			}
			boolean failed = transformation.scriptedToFail();
			transformation.status = failed ? "FAILED" : "SUCCEEDED";
			transformation.lastEndedAt = this.state.now();
			ObjectNode data = Json.object().put("status", transformation.status);
			if (failed) {
				data.put("reason", "Transformation run failed as scripted (transformation_config."
						+ SandboxTransformation.RUN_HOOK + " = fail)");
			}
			String type = failed ? SandboxEvent.TRANSFORMATION_RUN_FAILED : SandboxEvent.TRANSFORMATION_RUN_SUCCEEDED;
			return SandboxEvent.aboutTransformation(type, transformation.lastEndedAt, transformationId, data);
		});
	}

	private void publish(SandboxEvent event) {
		if (event != null) {
			this.events.onEvent(event);
		}
	}

	@Override
	public void close() {
		this.timer.close();
	}

}
