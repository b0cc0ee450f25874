package dev.ftbridge.command.handlers;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code PATCH /v1/connections/{id}/schemas} body that makes one connection's schema
 * config match another's: only what differs, only the fields Fivetran's update accepts
 * ({@code enabled}, a table's {@code sync_mode}, a column's {@code enabled} and
 * {@code hashed}), and only names the target knows (an unknown name would be a 404); the
 * names it does not know are listed as skipped.
 */
final class SchemaConfigPatch {

	private static final String[] SCHEMA_FIELDS = { "enabled" };

	private static final String[] TABLE_FIELDS = { "enabled", "sync_mode" };

	private static final String[] COLUMN_FIELDS = { "enabled", "hashed" };

	private final ObjectNode body = JsonNodeFactory.instance.objectNode();

	private final List<String> skipped = new ArrayList<>();

	private int changes;

	private SchemaConfigPatch() {
	}

	/** What to send so that {@code target} matches {@code source}. */
	static SchemaConfigPatch between(JsonNode source, JsonNode target) {
		SchemaConfigPatch patch = new SchemaConfigPatch();
		String handling = source.path("schema_change_handling").asString(null);
		if (handling != null && !handling.equals(target.path("schema_change_handling").asString(null))) {
			patch.body.put("schema_change_handling", handling);
			patch.changes++;
		}
		ObjectNode schemas = patch.children(source.path("schemas"), target.path("schemas"), "", SCHEMA_FIELDS,
				(name, from, to, into) -> {
					ObjectNode tables = patch.children(from.path("tables"), to.path("tables"), name + ".", TABLE_FIELDS,
							(table, fromTable, toTable, intoTable) -> {
								ObjectNode columns = patch.children(fromTable.path("columns"), toTable.path("columns"),
										name + "." + table + ".", COLUMN_FIELDS, null);
								if (!columns.isEmpty()) {
									intoTable.set("columns", columns);
								}
							});
					if (!tables.isEmpty()) {
						into.set("tables", tables);
					}
				});
		if (!schemas.isEmpty()) {
			patch.body.set("schemas", schemas);
		}
		return patch;
	}

	/** The PATCH body. */
	ObjectNode body() {
		return this.body;
	}

	/** Whether there is anything to send. */
	boolean isEmpty() {
		return this.body.isEmpty();
	}

	/** Fields changed, at every level. */
	int changes() {
		return this.changes;
	}

	/**
	 * {@code schema}, {@code schema.table} or {@code schema.table.column} the target
	 * lacks.
	 */
	List<String> skipped() {
		return List.copyOf(this.skipped);
	}

	/**
	 * The patches of the children both sides have; each patch holds the fields that
	 * differ and what {@code nested} adds, and only non-empty patches are kept. An
	 * {@code enabled} is always sent with a nested change, since Fivetran requires it on
	 * a schema.
	 */
	private ObjectNode children(JsonNode from, JsonNode to, String prefix, String[] fields, Nested nested) {
		ObjectNode patches = JsonNodeFactory.instance.objectNode();
		for (String name : from.propertyNames()) {
			JsonNode fromChild = from.get(name);
			JsonNode toChild = to.get(name);
			if (toChild == null || !toChild.isObject()) {
				this.skipped.add(prefix + name);
				continue;
			}
			ObjectNode patch = JsonNodeFactory.instance.objectNode();
			for (String field : fields) {
				JsonNode value = fromChild.get(field);
				if (value != null && !value.isNull() && !value.equals(toChild.get(field))) {
					patch.set(field, value);
					this.changes++;
				}
			}
			if (nested != null) {
				nested.add(name, fromChild, toChild, patch);
			}
			if (!patch.isEmpty()) {
				if (!patch.has("enabled")) {
					patch.set("enabled", fromChild.has("enabled") ? fromChild.get("enabled") : toChild.get("enabled"));
				}
				patches.set(name, patch);
			}
		}
		return patches;
	}

	/** Adds the patches of a child's own children. */
	private interface Nested {

		void add(String name, JsonNode from, JsonNode to, ObjectNode into);

	}

}
