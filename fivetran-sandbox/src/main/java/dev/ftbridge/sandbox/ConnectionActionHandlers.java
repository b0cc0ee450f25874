package dev.ftbridge.sandbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a connection is told to do: {@code /sync}, {@code /resync},
 * {@code /schemas/tables/resync} and {@code /test}. Sync work is handed to the
 * {@link SyncEngine} after the request is validated and answered.
 */
final class ConnectionActionHandlers {

	private final SandboxState state;

	private final LifecycleListener events;

	private final SyncEngine engine;

	ConnectionActionHandlers(SandboxState state, LifecycleListener events, SyncEngine engine) {
		this.state = state;
		this.events = events;
		this.engine = engine;
	}

	void register(Router router) {
		router.add("POST", "/v1/connections/{connectionId}/sync", Cost.WRITE, this::sync)
			.add("POST", "/v1/connections/{connectionId}/resync", Cost.WRITE, this::resync)
			.add("POST", "/v1/connections/{connectionId}/schemas/tables/resync", Cost.WRITE, this::resyncTables)
			.add("POST", "/v1/connections/{connectionId}/test", Cost.SETUP_TEST, this::test);
	}

	private ApiResponse sync(ApiRequest request) {
		String id = request.variable("connectionId");
		boolean force = Json.optionalBoolean(request.objectOrEmpty(), "force", false);
		accept(SandboxEvent.FORCE_UPDATE_CONNECTOR, id, false);
		this.engine.syncRequested(id, force);
		return ApiResponse.message("Sync has been successfully triggered for connection with id '" + id + "'")
			.concerning(id);
	}

	private ApiResponse resync(ApiRequest request) {
		String id = request.variable("connectionId");
		JsonNode scope = request.objectOrEmpty().get("scope");
		if (scope != null && !scope.isNull()) {
			requireScope(scope, "scope");
		}
		JsonNode given = (scope != null && !scope.isNull()) ? scope : null;
		accept(SandboxEvent.RESYNC_CONNECTOR, id, true);
		this.engine.resyncRequested(id, given);
		return ApiResponse.message("Re-sync has been triggered successfully").concerning(id);
	}

	private ApiResponse resyncTables(ApiRequest request) {
		String id = request.variable("connectionId");
		ObjectNode tables = request.requireObject();
		requireScope(tables, "body");
		accept(SandboxEvent.RESYNC_TABLE, id, false);
		this.engine.tablesResyncRequested(id, tables);
		return ApiResponse.message("Re-sync has been triggered successfully").concerning(id);
	}

	private ApiResponse test(ApiRequest request) {
		String id = request.variable("connectionId");
		SetupTests.Trust trust = SetupTests.Trust.of(request.requireObject());
		SandboxEvent[] event = new SandboxEvent[1];
		ObjectNode details = this.state.locked(() -> {
			SandboxConnection connection = this.state.requireConnection(id);
			boolean passed = connection.runSetupTests(trust, Json.timestamp(this.state.now()));
			String type = passed ? SandboxEvent.CONNECTION_SUCCESSFUL : SandboxEvent.CONNECTION_FAILURE;
			event[0] = SandboxEvent.about(type, this.state.now(), connection, null);
			return ConnectionJson.details(connection);
		});
		this.events.onEvent(event[0]);
		return ApiResponse.ok("Setup tests have been completed", details).concerning(id);
	}

	/**
	 * Checks the connection exists (404) and, for a resync, that no sync is running
	 * (409); marks a resync's next sync historical; publishes the event.
	 */
	private void accept(String type, String connectionId, boolean resync) {
		SandboxEvent event = this.state.locked(() -> {
			SandboxConnection connection = this.state.requireConnection(connectionId);
			if (resync) {
				if (connection.syncing) {
					throw ApiException.conflict("A data sync is already in progress and cannot be completed before"
							+ " the re-sync can be scheduled");
				}
				connection.historicalSync = true;
			}
			return SandboxEvent.about(type, this.state.now(), connection, null);
		});
		this.events.onEvent(event);
	}

	/** A schema → non-empty table list map with at least one schema. */
	private static void requireScope(JsonNode scope, String what) {
		if (!(scope instanceof ObjectNode object) || object.isEmpty()) {
			throw ApiException.invalidInput("The " + what + " must map at least one schema to its tables");
		}
		object.forEachEntry((schema, tables) -> {
			if (!tables.isArray() || tables.isEmpty()) {
				throw ApiException.invalidInput("The tables of schema '" + schema + "' must be a non-empty array");
			}
			tables.forEach((table) -> {
				if (!table.isString()) {
					throw ApiException.invalidInput("Table names of schema '" + schema + "' must be strings");
				}
			});
		});
	}

}
