package dev.ftbridge.sandbox;

import java.util.Set;
import java.util.function.BiConsumer;

import tools.jackson.databind.node.ObjectNode;

/**
 * A connection's schema config: {@code /v1/connections/{connectionId}/schemas...}. Every
 * PATCH answers with the whole config, as Fivetran does.
 */
final class SchemaHandlers {

	private static final String BASE = "/v1/connections/{connectionId}/schemas";

	private static final Set<String> EXCLUDE_MODES = Set.of("PRESERVE", "EXCLUDE");

	private final SandboxState state;

	SchemaHandlers(SandboxState state) {
		this.state = state;
	}

	void register(Router router) {
		router.add("GET", BASE, Cost.READ, this::config)
			.add("PATCH", BASE, Cost.WRITE, (request) -> patch(request, SchemaConfigs::patchConfig))
			.add("PATCH", BASE + "/{schemaName}", Cost.WRITE,
					(request) -> patch(request,
							(config, body) -> SchemaConfigs.patchSchema(
									SchemaConfigs.requireSchema(config, request.variable("schemaName")), body)))
			.add("PATCH", BASE + "/{schemaName}/tables/{tableName}", Cost.WRITE,
					(request) -> patch(request,
							(config, body) -> SchemaConfigs.patchTable(table(config, request), body)))
			.add("PATCH", BASE + "/{schemaName}/tables/{tableName}/columns/{columnName}", Cost.WRITE,
					(request) -> patch(request,
							(config, body) -> SchemaConfigs.patchColumn(
									SchemaConfigs.requireColumn(table(config, request), request.variable("columnName")),
									body)))
			.add("GET", BASE + "/{schemaName}/tables/{tableName}/columns", Cost.SOURCE_INTERACTION, this::columns)
			.add("POST", BASE + "/reload", Cost.SOURCE_INTERACTION, this::reload);
	}

	private ApiResponse config(ApiRequest request) {
		String id = request.variable("connectionId");
		ObjectNode config = this.state.locked(() -> this.state.requireConnection(id).schemaConfig.deepCopy());
		return ApiResponse.ok("Connection schema config retrieved successfully", config).concerning(id);
	}

	/** Patches a copy of the config and keeps it only if the whole patch was valid. */
	private ApiResponse patch(ApiRequest request, BiConsumer<ObjectNode, ObjectNode> change) {
		String id = request.variable("connectionId");
		ObjectNode body = request.requireObject();
		ObjectNode config = this.state.locked(() -> {
			SandboxConnection connection = this.state.requireConnection(id);
			ObjectNode copy = connection.schemaConfig.deepCopy();
			change.accept(copy, body);
			connection.schemaConfig = copy;
			return copy.deepCopy();
		});
		return ApiResponse.ok("Connection schema config has been updated", config).concerning(id);
	}

	private ApiResponse columns(ApiRequest request) {
		String id = request.variable("connectionId");
		ObjectNode data = this.state.locked(() -> {
			SandboxConnection connection = this.state.requireConnection(id);
			ObjectNode table = table(connection.schemaConfig, request);
			ObjectNode columns = Json.object();
			ObjectNode all = columns.putObject("columns");
			// The source's columns, as configured where the config lists them.
			String key = request.variable("schemaName") + "/" + request.variable("tableName");
			all.setAll(connection.sourceColumns.getOrDefault(key, Json.object()).deepCopy());
			if (table.get("columns") instanceof ObjectNode configured) {
				all.setAll(configured.deepCopy());
			}
			return columns;
		});
		return ApiResponse.ok("Source table columns retrieved successfully", data).concerning(id);
	}

	private ApiResponse reload(ApiRequest request) {
		String id = request.variable("connectionId");
		String mode = Json.optionalText(request.objectOrEmpty(), "exclude_mode");
		if (mode != null && !EXCLUDE_MODES.contains(mode)) {
			throw ApiException.invalidInput("Field 'exclude_mode' must be one of " + EXCLUDE_MODES);
		}
		ObjectNode config = this.state.locked(() -> {
			SandboxConnection connection = this.state.requireConnection(id);
			if ("EXCLUDE".equals(mode)) {
				SchemaConfigs.excludeAll(connection.schemaConfig);
			}
			return connection.schemaConfig.deepCopy();
		});
		return ApiResponse.ok("Connection schema config has been reloaded", config).concerning(id);
	}

	private static ObjectNode table(ObjectNode config, ApiRequest request) {
		ObjectNode schema = SchemaConfigs.requireSchema(config, request.variable("schemaName"));
		return SchemaConfigs.requireTable(schema, request.variable("tableName"));
	}

}
