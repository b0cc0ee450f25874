package dev.ftbridge.contract;

import tools.jackson.databind.JsonNode;

/**
 * A connection addressed by name instead of by id: its group (by id or by name) and its
 * schema name as Fivetran shows it. Commands carry it as {@code connection}; results echo
 * it next to the resolved {@code connection_id}.
 *
 * @param groupId the group's id, or null when named
 * @param groupName the group's name, or null when given by id
 * @param schema the connection's schema name
 */
public record ConnectionName(String groupId, String groupName, String schema) {

	/** The {@code connection} field of a command's data, or null when it has none. */
	public static ConnectionName of(JsonNode data) {
		JsonNode connection = data.path("connection");
		if (!connection.isObject() || data.hasNonNull("connection_id")) {
			return null;
		}
		return new ConnectionName(text(connection, "group_id"), text(connection, "group_name"),
				text(connection, "schema"));
	}

	/** The group as the command names it: its id, else its name. */
	public String group() {
		return (this.groupId != null) ? this.groupId : this.groupName;
	}

	/**
	 * The key commands on this connection are ordered by: {@code group/schema}, the key a
	 * create of the same connection in the same group (by id) gets.
	 */
	public String key() {
		return group() + "/" + this.schema;
	}

	/** The same name with the group's id filled in once resolved. */
	public ConnectionName inGroup(String resolvedGroupId) {
		return new ConnectionName(resolvedGroupId, this.groupName, this.schema);
	}

	@Override
	public String toString() {
		return key();
	}

	private static String text(JsonNode node, String field) {
		return node.path(field).asString(null);
	}

}
