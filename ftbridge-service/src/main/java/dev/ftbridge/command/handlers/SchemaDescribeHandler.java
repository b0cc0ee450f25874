package dev.ftbridge.command.handlers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.contract.TableDescribed;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * {@code fivetran.connection.schema.describe}: reads the connection's schema config
 * ({@code GET /v1/connections/{id}/schemas}) and publishes one
 * {@code fivetran.connection.table.described} event per table, with the schema, table and
 * column names in the source and in the destination. A table whose config lists no
 * columns has them read from the source ({@code .../tables/{table}/columns}, a source
 * interaction) unless the command says {@code fetch_columns: false}. The result counts
 * what was published and lists the schemas.
 */
@Component
class SchemaDescribeHandler extends FivetranHandler {

	SchemaDescribeHandler(HandlerContext context) {
		super(CommandType.CONNECTION_SCHEMA_DESCRIBE, context);
	}

	@Override
	public List<FivetranRequest> requests() {
		return List.of(FivetranRequests.schemaConfig(ID), FivetranRequests.tableColumns(ID, ID, ID));
	}

	@Override
	public Execution execute(Command command) {
		Instant started = now();
		String connectionId = command.text("connection_id");
		boolean fetchColumns = command.data().path("fetch_columns").asBoolean(true);
		FivetranRequest request = FivetranRequests.schemaConfig(connectionId);
		try {
			FivetranResponse config = this.fivetran.execute(request);
			int attempts = config.attempts();
			List<Table> tables = new ArrayList<>();
			ArrayNode schemas = JsonNodeFactory.instance.arrayNode();
			for (Map.Entry<String, JsonNode> schema : config.data().path("schemas").properties()) {
				JsonNode tablesOfSchema = schema.getValue().path("tables");
				schemas.addObject()
					.put("name", schema.getKey())
					.put("name_in_destination", schema.getValue().path("name_in_destination").asString(null))
					.put("tables", tablesOfSchema.size());
				for (Map.Entry<String, JsonNode> table : tablesOfSchema.properties()) {
					Table described = new Table(schema.getKey(), schema.getValue(), table.getKey(), table.getValue());
					if (fetchColumns && described.needsColumns()) {
						FivetranResponse columns = this.fivetran
							.execute(FivetranRequests.tableColumns(connectionId, schema.getKey(), table.getKey()));
						attempts += columns.attempts();
						described.fromSource(columns.data().path("columns"));
					}
					tables.add(described);
				}
			}
			return result(command, started, tables, schemas, attempts);
		}
		catch (FivetranException ex) {
			return failed(command, started, request, ex);
		}
	}

	private Execution result(Command command, Instant started, List<Table> tables, ArrayNode schemas, int attempts) {
		Instant now = now();
		List<TableDescribed> events = new ArrayList<>();
		int columns = 0;
		for (int index = 0; index < tables.size(); index++) {
			TableDescribed event = tables.get(index)
				.toEvent(command, now, new CommandResult.Part(index, tables.size()));
			columns += event.columns().size();
			events.add(event);
		}
		ObjectNode response = JsonNodeFactory.instance.objectNode()
			.put("tables", tables.size())
			.put("columns", columns);
		response.set("schemas", schemas);
		CommandResult result = Results.start(command, Outcome.SUCCEEDED, started)
			.attempts(attempts)
			.response(response)
			.build(now());
		return new Execution(List.of(result), List.of(), events);
	}

	/** One table of the config, with its columns from the config or from the source. */
	private static final class Table {

		private final String schema;

		private final JsonNode schemaConfig;

		private final String name;

		private final JsonNode config;

		private JsonNode columns;

		private String columnsFrom;

		Table(String schema, JsonNode schemaConfig, String name, JsonNode config) {
			this.schema = schema;
			this.schemaConfig = schemaConfig;
			this.name = name;
			this.config = config;
			this.columns = config.path("columns");
			this.columnsFrom = this.columns.isEmpty() ? "none" : "schema_config";
		}

		/** No columns in the config, and the table's columns can be read. */
		boolean needsColumns() {
			return this.columns.isEmpty() && this.config.path("supports_columns_config").asBoolean(true);
		}

		void fromSource(JsonNode columns) {
			this.columns = columns;
			this.columnsFrom = "source";
		}

		TableDescribed toEvent(Command command, Instant now, CommandResult.Part part) {
			List<TableDescribed.Column> described = new ArrayList<>();
			for (Map.Entry<String, JsonNode> column : this.columns.properties()) {
				JsonNode value = column.getValue();
				described.add(new TableDescribed.Column(column.getKey(), text(value, "name_in_destination"),
						bool(value, "enabled"), bool(value, "hashed"), bool(value, "is_primary_key")));
			}
			return new TableDescribed(command.text("connection_id"), command.id(), now, this.schema,
					text(this.schemaConfig, "name_in_destination"), bool(this.schemaConfig, "enabled"), this.name,
					text(this.config, "name_in_destination"), bool(this.config, "enabled"),
					text(this.config, "sync_mode"), this.columnsFrom, described, part);
		}

		private static String text(JsonNode node, String field) {
			return node.path(field).asString(null);
		}

		private static Boolean bool(JsonNode node, String field) {
			JsonNode value = node.path(field);
			return value.isBoolean() ? value.asBoolean() : null;
		}

	}

}
