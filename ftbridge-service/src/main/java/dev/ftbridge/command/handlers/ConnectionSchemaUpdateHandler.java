package dev.ftbridge.command.handlers;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * {@code fivetran.connection.schema.update}: one {@code PATCH} at the level the command
 * names — the column, the table, the schema, or the whole schema config.
 */
@Component
class ConnectionSchemaUpdateHandler extends SingleRequestHandler {

	ConnectionSchemaUpdateHandler(HandlerContext context) {
		super(CommandType.CONNECTION_SCHEMA_UPDATE, context,
				FivetranRequests.updateColumn(ID, ID, ID, ID, Bodies.empty()),
				FivetranRequests.updateTable(ID, ID, ID, Bodies.empty()),
				FivetranRequests.updateSchema(ID, ID, Bodies.empty()),
				FivetranRequests.updateSchemaConfig(ID, Bodies.empty()));
	}

	@Override
	FivetranRequest request(Command command) {
		String connection = command.text("connection_id");
		String schema = command.text("schema_name");
		String table = command.text("table_name");
		String column = command.text("column_name");
		ObjectNode body = Bodies.without(command.data(), "connection_id", "schema_name", "table_name", "column_name");
		if (column != null) {
			return FivetranRequests.updateColumn(connection, schema, table, column, body);
		}
		if (table != null) {
			return FivetranRequests.updateTable(connection, schema, table, body);
		}
		if (schema != null) {
			return FivetranRequests.updateSchema(connection, schema, body);
		}
		return FivetranRequests.updateSchemaConfig(connection, body);
	}

}
