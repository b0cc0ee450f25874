package dev.ftbridge.command;

import dev.ftbridge.contract.Command;

import tools.jackson.databind.node.ObjectNode;

import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/** Maps a command's {@code data} to the one Fivetran request that carries it out. */
final class CommandRequests {

	private CommandRequests() {
	}

	static FivetranRequest forCommand(Command command) {
		String connection = command.text("connection_id");
		ObjectNode body = bodyWithout(command.data(), "connection_id");
		return switch (command.type()) {
			case CONNECTION_UPDATE -> FivetranRequests.updateConnection(connection, body);
			case CONNECTION_PAUSE -> FivetranRequests.setPaused(connection, true);
			case CONNECTION_RESUME -> FivetranRequests.setPaused(connection, false);
			case CONNECTION_DELETE -> FivetranRequests.deleteConnection(connection);
			case CONNECTION_SYNC -> FivetranRequests.syncConnection(connection, body.path("force").asBoolean(false));
			case CONNECTION_RESYNC -> FivetranRequests.resyncConnection(connection, body.get("scope"));
			case CONNECTION_TABLES_RESYNC -> FivetranRequests.resyncTables(connection, body.get("scope"));
			case CONNECTION_SCHEMA_UPDATE -> schemaUpdate(command, connection);
			case CONNECTION_SCHEMA_RELOAD -> FivetranRequests.reloadSchemaConfig(connection, body);
			case CONNECTION_TEST -> FivetranRequests.runSetupTests(connection, body);
			case CONNECTION_STATUS -> FivetranRequests.connectionDetails(connection);
			case TRANSFORMATION_RUN -> FivetranRequests.runTransformation(command.text("transformation_id"),
					bodyWithout(command.data(), "transformation_id"));
			case CERTIFICATE_APPROVE -> approval(command);
			default -> throw new IllegalArgumentException(command.type() + " takes more than one request");
		};
	}

	/** The create request for one of the groups of a create command. */
	static FivetranRequest createIn(Command command, String groupId) {
		ObjectNode body = bodyWithout(command.data(), "group_ids");
		body.put("group_id", groupId);
		return FivetranRequests.createConnection(body);
	}

	/**
	 * A certificate ({@code encoded_cert}) or fingerprint ({@code public_key}) approval
	 * for a connection or a destination.
	 */
	private static FivetranRequest approval(Command command) {
		String connection = command.text("connection_id");
		String destination = command.text("destination_id");
		ObjectNode body = bodyWithout(command.data(), "connection_id", "destination_id");
		boolean certificate = body.has("encoded_cert");
		if (connection != null) {
			return certificate ? FivetranRequests.approveConnectionCertificate(connection, body)
					: FivetranRequests.approveConnectionFingerprint(connection, body);
		}
		return certificate ? FivetranRequests.approveDestinationCertificate(destination, body)
				: FivetranRequests.approveDestinationFingerprint(destination, body);
	}

	private static FivetranRequest schemaUpdate(Command command, String connection) {
		String schema = command.text("schema_name");
		String table = command.text("table_name");
		String column = command.text("column_name");
		ObjectNode body = bodyWithout(command.data(), "connection_id", "schema_name", "table_name", "column_name");
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

	static ObjectNode bodyWithout(ObjectNode data, String... fields) {
		ObjectNode body = data.deepCopy();
		for (String field : fields) {
			body.remove(field);
		}
		return body;
	}

}
