package dev.ftbridge.sandbox;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Connection CRUD and lists: {@code /v1/connections[/{connectionId}]} and
 * {@code /v1/groups/{groupId}/connections}.
 */
final class ConnectionHandlers {

	private final SandboxState state;

	private final LifecycleListener events;

	private final ConnectCards connectCards;

	ConnectionHandlers(SandboxState state, LifecycleListener events, ConnectCards connectCards) {
		this.state = state;
		this.events = events;
		this.connectCards = connectCards;
	}

	void register(Router router) {
		router.add("POST", "/v1/connections", ConnectionHandlers::setupTestCost, this::create)
			.add("GET", "/v1/connections", Cost.READ, this::list)
			.add("GET", "/v1/connections/{connectionId}", Cost.READ, this::details)
			.add("PATCH", "/v1/connections/{connectionId}", ConnectionHandlers::setupTestCost, this::update)
			.add("DELETE", "/v1/connections/{connectionId}", Cost.WRITE, this::delete)
			.add("GET", "/v1/groups/{groupId}/connections", Cost.READ, this::listInGroup);
	}

	/** Create and update run setup tests unless told not to (the default is true). */
	static Cost setupTestCost(ApiRequest request) {
		JsonNode run = (request.body() != null) ? request.body().get("run_setup_tests") : null;
		boolean runs = run == null || !run.isBoolean() || run.asBoolean();
		return runs ? Cost.SETUP_TEST : Cost.WRITE;
	}

	private ApiResponse create(ApiRequest request) {
		ObjectNode body = request.requireObject();
		String groupId = Json.requiredText(body, "group_id");
		String service = Json.requiredText(body, "service");
		ObjectNode given = Json.optionalObject(body, "config");
		ObjectNode config = (given != null) ? given.deepCopy() : Json.object();
		String schema = schemaName(config);
		ConnectionPatch patch = ConnectionPatch.parse(body);
		boolean runTests = Json.optionalBoolean(body, "run_setup_tests", true);
		ObjectNode cardConfig = body.has("connect_card_config") ? ConnectCards.config(body) : null;
		List<SandboxEvent> happened = new ArrayList<>();
		ObjectNode details = this.state.locked(() -> {
			SandboxConnection connection = new SandboxConnection(this.state.newId(), groupId, service, schema, config,
					this.state.now());
			patch.applyTo(connection);
			this.state.insertConnection(connection);
			happened.add(SandboxEvent.about(SandboxEvent.CREATE_CONNECTOR, this.state.now(), connection, null));
			if (runTests) {
				happened.add(setupTestEvent(connection,
						connection.runSetupTests(SetupTests.Trust.of(body), Json.timestamp(this.state.now()))));
			}
			return ConnectionJson.details(connection);
		});
		happened.forEach(this.events::onEvent);
		if (cardConfig != null) {
			// a create may ask for a Connect Card in the same call
			details.set("connect_card", this.connectCards.card(cardConfig));
			details.set("connect_card_config", cardConfig);
		}
		return ApiResponse.created("Connection has been created", details).concerning(details.get("id").asString());
	}

	private ApiResponse details(ApiRequest request) {
		String id = request.variable("connectionId");
		ObjectNode details = this.state.locked(() -> ConnectionJson.details(this.state.requireConnection(id)));
		return ApiResponse.ok("Connection details retrieved successfully", details).concerning(id);
	}

	private ApiResponse update(ApiRequest request) {
		String id = request.variable("connectionId");
		ObjectNode body = request.requireObject();
		ConnectionPatch patch = ConnectionPatch.parse(body);
		ObjectNode configPatch = Json.optionalObject(body, "config");
		boolean runTests = Json.optionalBoolean(body, "run_setup_tests", true);
		List<SandboxEvent> happened = new ArrayList<>();
		ObjectNode details = this.state.locked(() -> {
			SandboxConnection connection = this.state.requireConnection(id);
			if (configPatch != null) {
				connection.config = mergedConfig(connection, configPatch);
			}
			boolean wasPaused = connection.paused;
			patch.applyTo(connection);
			if (wasPaused != connection.paused) {
				String type = connection.paused ? SandboxEvent.PAUSE_CONNECTOR : SandboxEvent.RESUME_CONNECTOR;
				happened.add(SandboxEvent.about(type, this.state.now(), connection, null));
			}
			if (configPatch != null || patch.changesMoreThanPaused()) {
				happened.add(SandboxEvent.about(SandboxEvent.EDIT_CONNECTOR, this.state.now(), connection, null));
			}
			if (runTests) {
				happened.add(setupTestEvent(connection,
						connection.runSetupTests(SetupTests.Trust.of(body), Json.timestamp(this.state.now()))));
			}
			return ConnectionJson.details(connection);
		});
		happened.forEach(this.events::onEvent);
		return ApiResponse.ok("Connection has been updated", details).concerning(id);
	}

	private ApiResponse delete(ApiRequest request) {
		String id = request.variable("connectionId");
		SandboxEvent deleted = this.state.locked(() -> {
			SandboxConnection connection = this.state.requireConnection(id);
			this.state.removeConnection(id);
			return SandboxEvent.about(SandboxEvent.DELETE_CONNECTOR, this.state.now(), connection, null);
		});
		this.events.onEvent(deleted);
		return ApiResponse.message("Connection with id '" + id + "' has been deleted").concerning(id);
	}

	private ApiResponse list(ApiRequest request) {
		String groupId = request.query("group_id");
		return ApiResponse.ok("Connections retrieved successfully", Pages.page(listed(groupId, request), request));
	}

	private ApiResponse listInGroup(ApiRequest request) {
		String groupId = request.variable("groupId");
		this.state.locked(() -> this.state.requireGroup(groupId));
		return ApiResponse.ok("Group connections retrieved successfully",
				Pages.page(listed(groupId, request), request));
	}

	private List<ObjectNode> listed(String groupId, ApiRequest request) {
		String schema = request.query("schema");
		return this.state.locked(() -> this.state.connectionList()
			.stream()
			.filter((connection) -> groupId == null || connection.groupId.equals(groupId))
			.filter((connection) -> schema == null || connection.schema.equals(schema))
			.map(ConnectionJson::details)
			.toList());
	}

	private SandboxEvent setupTestEvent(SandboxConnection connection, boolean passed) {
		String type = passed ? SandboxEvent.CONNECTION_SUCCESSFUL : SandboxEvent.CONNECTION_FAILURE;
		return SandboxEvent.about(type, this.state.now(), connection, null);
	}

	/**
	 * The destination schema: {@code config.schema}, else {@code config.schema_prefix}.
	 */
	private static String schemaName(ObjectNode config) {
		String schema = Json.optionalText(config, "schema");
		String name = (schema != null) ? schema : Json.optionalText(config, "schema_prefix");
		if (name == null || name.isBlank()) {
			throw ApiException.invalidInput("Field 'config.schema' (or 'config.schema_prefix') is required");
		}
		return name;
	}

	private static ObjectNode mergedConfig(SandboxConnection connection, ObjectNode patch) {
		for (String field : new String[] { "schema", "schema_prefix" }) {
			String value = Json.optionalText(patch, field);
			if (value != null && !value.equals(connection.schema)) {
				throw ApiException.invalidInput("Field 'config." + field + "' can't be changed");
			}
		}
		ObjectNode merged = connection.config.deepCopy();
		merged.setAll(patch.deepCopy());
		return merged;
	}

}
