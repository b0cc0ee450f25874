package dev.ftbridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The default lifecycle: a sync runs for {@code lifecycle.syncDuration} (sandbox time),
 * {@code scheduled → syncing → scheduled}, then sets {@code succeeded_at}, or
 * {@code failed_at} with {@code FAILURE_WITH_TASK} when the setup is broken. A trigger
 * without force while syncing does nothing; with force it restarts the sync. Nothing runs
 * while the connection is paused. Transformation runs go {@code RUNNING →
 * SUCCEEDED} (or {@code FAILED} when scripted to) after
 * {@code lifecycle.transformationDuration}.
 */
final class SimulatedSyncEngine implements SyncEngine {

	private final SandboxState state;

	private final SandboxClock clock;

	private final SandboxSettings.Lifecycle lifecycle;

	private final LifecycleListener events;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "fivetran-sandbox-lifecycle");
		thread.setDaemon(true);
		return thread;
	});

	SimulatedSyncEngine(SandboxState state, SandboxClock clock, SandboxSettings.Lifecycle lifecycle,
			LifecycleListener events) {
		this.state = state;
		this.clock = clock;
		this.lifecycle = lifecycle;
		this.events = events;
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
			connection.syncing = true;
			connection.rescheduledFor = null;
			connection.syncId = UUID.randomUUID().toString();
			long generation = ++connection.syncGeneration;
			after(this.lifecycle.syncDuration(), () -> finish(connectionId, generation));
			return SandboxEvent.about(SandboxEvent.SYNC_START, this.state.now(), connection, null);
		}));
	}

	private void finish(String connectionId, long generation) {
		publish(this.state.locked(() -> {
			SandboxConnection connection = this.state.findConnection(connectionId);
			if (connection == null || !connection.syncing || connection.syncGeneration != generation) {
				return null;
			}
			connection.syncing = false;
			Instant now = this.state.now();
			ObjectNode data = Json.object();
			if ("connected".equals(connection.setupState)) {
				connection.succeededAt = now;
				connection.historicalSync = false;
				data.put("status", "SUCCESSFUL");
			}
			else {
				connection.failedAt = now;
				data.put("status", "FAILURE_WITH_TASK")
					.put("reason", "Setup tests failed")
					.put("taskType", "reconnect");
			}
			return SandboxEvent.about(SandboxEvent.SYNC_END, now, connection, data);
		}));
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
			after(this.lifecycle.transformationDuration(), () -> finishRun(transformationId, generation));
			return SandboxEvent.aboutTransformation(SandboxEvent.TRANSFORMATION_RUN_START, this.state.now(),
					transformationId, null);
		}));
	}

	private void finishRun(String transformationId, long generation) {
		publish(this.state.locked(() -> {
			SandboxTransformation transformation = this.state.findTransformation(transformationId);
			if (transformation == null || transformation.runGeneration != generation) {
				return null;
			}
			boolean failed = transformation.scriptedToFail();
			transformation.status = failed ? "FAILED" : "SUCCEEDED";
			transformation.lastEndedAt = this.state.now();
			String type = failed ? SandboxEvent.TRANSFORMATION_RUN_FAILED : SandboxEvent.TRANSFORMATION_RUN_SUCCEEDED;
			return SandboxEvent.aboutTransformation(type, transformation.lastEndedAt, transformationId, null);
		}));
	}

	private void after(Duration sandboxDelay, Runnable task) {
		this.scheduler.schedule(task, this.clock.toReal(sandboxDelay).toNanos(), TimeUnit.NANOSECONDS);
	}

	private void publish(SandboxEvent event) {
		if (event != null) {
			this.events.onEvent(event);
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
