package dev.ftbridge.lineage;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * What lineage and drift need of a connection's schema config ({@code GET
 * /v1/connections/{id}/schemas}): every table with its destination name and whether it
 * syncs, every column with whether it syncs and is hashed.
 *
 * @param tables by {@code schema.table} (source names), sorted
 */
record ConnectionSchema(Map<String, Table> tables) {

	ConnectionSchema {
		tables = Collections.unmodifiableMap(new TreeMap<>(tables));
	}

	/**
	 * One table.
	 *
	 * @param destination {@code schema.table} in the destination
	 * @param enabled whether it syncs (its schema and it are enabled)
	 * @param columns by name
	 */
	record Table(String destination, boolean enabled, Map<String, Column> columns) {

		Table {
			columns = Collections.unmodifiableMap(new TreeMap<>(columns));
		}

	}

	/** One column: whether it syncs and whether Fivetran hashes it. */
	record Column(boolean enabled, boolean hashed) {

	}

	/** Reads the {@code data} of Fivetran's schema config answer. */
	static ConnectionSchema of(JsonNode config) {
		Map<String, Table> tables = new TreeMap<>();
		for (Map.Entry<String, JsonNode> schema : config.path("schemas").properties()) {
			boolean schemaEnabled = schema.getValue().path("enabled").asBoolean(true);
			String schemaInDestination = text(schema.getValue(), "name_in_destination", schema.getKey());
			for (Map.Entry<String, JsonNode> table : schema.getValue().path("tables").properties()) {
				Map<String, Column> columns = new TreeMap<>();
				for (Map.Entry<String, JsonNode> column : table.getValue().path("columns").properties()) {
					columns.put(column.getKey(), new Column(column.getValue().path("enabled").asBoolean(true),
							column.getValue().path("hashed").asBoolean(false)));
				}
				tables.put(schema.getKey() + "." + table.getKey(),
						new Table(
								schemaInDestination + "."
										+ text(table.getValue(), "name_in_destination", table.getKey()),
								schemaEnabled && table.getValue().path("enabled").asBoolean(true), columns));
			}
		}
		return new ConnectionSchema(tables);
	}

	private static String text(JsonNode node, String field, String otherwise) {
		JsonNode value = node.path(field);
		return (value.isString() && !value.asString().isEmpty()) ? value.asString() : otherwise;
	}

}
