package dev.ftbridge.sandbox;

import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A connection's schema config
 * (https://fivetran.com/docs/rest-api/interactive-api-reference): the default one every
 * connection starts with, and the PATCH semantics at each level. Names are
 * case-sensitive; an unknown name is 404. Callers patch a copy and keep it only if no
 * error was thrown.
 */
final class SchemaConfigs {

	private static final Set<String> CHANGE_HANDLING = Set.of("ALLOW_ALL", "ALLOW_COLUMNS", "BLOCK_ALL");

	private static final Set<String> SYNC_MODES = Set.of("SOFT_DELETE", "HISTORY", "LIVE");

	private SchemaConfigs() {
	}

	/** Schema {@code public} with tables {@code orders} and {@code customers}. */
	static ObjectNode defaultConfig() {
		ObjectNode config = Json.object().put("enable_new_by_default", true).put("schema_change_handling", "ALLOW_ALL");
		ObjectNode schema = config.putObject("schemas")
			.putObject("public")
			.put("name_in_destination", "public")
			.put("enabled", true);
		ObjectNode tables = schema.putObject("tables");
		addTable(tables, "orders", "id", "customer_id", "amount", "created_at");
		addTable(tables, "customers", "id", "name", "email");
		return config;
	}

	private static void addTable(ObjectNode tables, String name, String primaryKey, String... others) {
		ObjectNode table = tables.putObject(name)
			.put("name_in_destination", name)
			.put("enabled", true)
			.put("sync_mode", "SOFT_DELETE")
			.put("supports_columns_config", true)
			.put("supports_history_mode", true);
		table.putObject("enabled_patch_settings").put("allowed", true);
		ObjectNode columns = table.putObject("columns");
		addColumn(columns, primaryKey, true);
		for (String other : others) {
			addColumn(columns, other, false);
		}
	}

	private static void addColumn(ObjectNode columns, String name, boolean primaryKey) {
		ObjectNode column = columns.putObject(name)
			.put("name_in_destination", name)
			.put("enabled", true)
			.put("hashed", false)
			.put("is_primary_key", primaryKey);
		column.putObject("enabled_patch_settings").put("allowed", !primaryKey);
	}

	/** {@code PATCH /schemas}: {@code schema_change_handling} and nested schemas. */
	static void patchConfig(ObjectNode config, ObjectNode body) {
		String handling = Json.optionalText(body, "schema_change_handling");
		if (handling != null) {
			if (!CHANGE_HANDLING.contains(handling)) {
				throw ApiException.invalidInput("Unknown schema_change_handling '" + handling + "'");
			}
			config.put("schema_change_handling", handling);
		}
		ObjectNode schemas = Json.optionalObject(body, "schemas");
		if (schemas != null) {
			schemas.forEachEntry((name, patch) -> patchSchema(requireSchema(config, name), asObject(patch)));
		}
	}

	static void patchSchema(ObjectNode schema, ObjectNode body) {
		setBoolean(schema, body, "enabled");
		ObjectNode tables = Json.optionalObject(body, "tables");
		if (tables != null) {
			tables.forEachEntry((name, patch) -> patchTable(requireTable(schema, name), asObject(patch)));
		}
	}

	static void patchTable(ObjectNode table, ObjectNode body) {
		setBoolean(table, body, "enabled");
		String syncMode = Json.optionalText(body, "sync_mode");
		if (syncMode != null) {
			if (!SYNC_MODES.contains(syncMode)) {
				throw ApiException.invalidInput("Unknown sync_mode '" + syncMode + "'");
			}
			table.put("sync_mode", syncMode);
		}
		ObjectNode columns = Json.optionalObject(body, "columns");
		if (columns != null) {
			columns.forEachEntry((name, patch) -> patchColumn(requireColumn(table, name), asObject(patch)));
		}
	}

	static void patchColumn(ObjectNode column, ObjectNode body) {
		setBoolean(column, body, "enabled");
		setBoolean(column, body, "hashed");
		setBoolean(column, body, "is_primary_key");
	}

	/** {@code exclude_mode: EXCLUDE}: every schema and table is disabled. */
	static void excludeAll(ObjectNode config) {
		config.path("schemas").forEach((schema) -> {
			((ObjectNode) schema).put("enabled", false);
			schema.path("tables").forEach((table) -> ((ObjectNode) table).put("enabled", false));
		});
	}

	static ObjectNode requireSchema(ObjectNode config, String name) {
		return child(config.path("schemas"), name, "Schema");
	}

	static ObjectNode requireTable(ObjectNode schema, String name) {
		return child(schema.path("tables"), name, "Table");
	}

	static ObjectNode requireColumn(ObjectNode table, String name) {
		return child(table.path("columns"), name, "Column");
	}

	private static ObjectNode child(JsonNode parent, String name, String type) {
		if (parent.get(name) instanceof ObjectNode child) {
			return child;
		}
		throw new ApiException(404, "NotFound_" + type, type + " '" + name + "' doesn't exist");
	}

	private static ObjectNode asObject(JsonNode patch) {
		if (patch instanceof ObjectNode object) {
			return object;
		}
		throw ApiException.invalidInput("Each schema, table and column patch must be an object");
	}

	private static void setBoolean(ObjectNode target, ObjectNode body, String field) {
		if (body.has(field)) {
			target.put(field, Json.optionalBoolean(body, field, target.path(field).asBoolean(false)));
		}
	}

}
