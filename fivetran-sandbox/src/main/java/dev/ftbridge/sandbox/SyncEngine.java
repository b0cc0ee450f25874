package dev.ftbridge.sandbox;

import tools.jackson.databind.JsonNode;

/**
 * Runs what the API only accepts: syncs, resyncs and transformation runs. The handlers
 * have validated the request, answered it and applied its immediate state change (e.g. a
 * resync marks the next sync historical) before they call in; the engine moves the state
 * on over (sandbox) time and publishes {@code sync_start}/{@code sync_end} and
 * transformation events. {@link SimulatedSyncEngine} is the default, and the one that
 * honours the {@link SyncScript}s queued on a connection; a different one plugs in
 * through {@link Factory}.
 */
public interface SyncEngine extends AutoCloseable {

	/** {@code POST /sync} was accepted; {@code force} restarts a running sync. */
	void syncRequested(String connectionId, boolean force);

	/** {@code POST /resync} was accepted; {@code scope} is null for everything. */
	void resyncRequested(String connectionId, JsonNode scope);

	/** {@code POST /schemas/tables/resync} was accepted for these schema → tables. */
	void tablesResyncRequested(String connectionId, JsonNode tables);

	/** {@code POST /v1/transformations/{id}/run} was accepted. */
	void transformationRunRequested(String transformationId, boolean fullRefresh);

	/** Stops pending work; called when the sandbox stops. */
	@Override
	default void close() {
	}

	/** Builds the engine of a sandbox. */
	@FunctionalInterface
	interface Factory {

		SyncEngine create(SandboxState state, SandboxClock clock, SandboxSettings.Lifecycle lifecycle,
				LifecycleListener events);

	}

}
