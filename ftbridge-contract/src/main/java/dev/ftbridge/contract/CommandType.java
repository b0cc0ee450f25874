package dev.ftbridge.contract;

import java.util.Arrays;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The command types the bridge accepts, by CloudEvent {@code type}, with the field that
 * names the resource each acts on (which orders commands without a Kafka key). What each
 * type does is its handler's ({@link dev.ftbridge.command.handlers.CommandHandler}).
 */
public enum CommandType {

	CONNECTION_CREATE("fivetran.connection.create", "connection_id"),

	CONNECTION_UPDATE("fivetran.connection.update", "connection_id"),

	CONNECTION_PAUSE("fivetran.connection.pause", "connection_id"),

	CONNECTION_RESUME("fivetran.connection.resume", "connection_id"),

	CONNECTION_DELETE("fivetran.connection.delete", "connection_id"),

	CONNECTION_SYNC("fivetran.connection.sync", "connection_id"),

	CONNECTION_RESYNC("fivetran.connection.resync", "connection_id"),

	CONNECTION_TABLES_RESYNC("fivetran.connection.tables.resync", "connection_id"),

	CONNECTION_SCHEMA_UPDATE("fivetran.connection.schema.update", "connection_id"),

	CONNECTION_SCHEMA_RELOAD("fivetran.connection.schema.reload", "connection_id"),

	CONNECTION_TEST("fivetran.connection.test", "connection_id"),

	CONNECTION_STATUS("fivetran.connection.status", "connection_id"),

	GROUP_STATUS("fivetran.group.status", "group_id"),

	TRANSFORMATION_RUN("fivetran.transformation.run", "transformation_id"),

	CONNECTION_SCHEMA_DESCRIBE("fivetran.connection.schema.describe", "connection_id"),

	GROUP_HEAL("fivetran.group.heal", "group_id"),

	GROUP_CREATE("fivetran.group.create", "name"),

	DESTINATION_CREATE("fivetran.destination.create", "group_id", "group_name"),

	USER_CREATE("fivetran.user.create", "email"),

	TEAM_CREATE("fivetran.team.create", "name"),

	WEBHOOK_CREATE("fivetran.webhook.create", "group_id"),

	CERTIFICATE_APPROVE("fivetran.certificate.approve", "connection_id", "destination_id"),

	// The admin lifecycle: memberships (keyed by the user or team), updates and deletes.

	MEMBERSHIP_GRANT("fivetran.membership.grant", "user_id", "user_email", "team_id", "team_name", "user_name"),

	MEMBERSHIP_REVOKE("fivetran.membership.revoke", "user_id", "user_email", "team_id", "team_name", "user_name"),

	USER_UPDATE("fivetran.user.update", "user_id"),

	USER_DELETE("fivetran.user.delete", "user_id"),

	TEAM_UPDATE("fivetran.team.update", "team_id"),

	TEAM_DELETE("fivetran.team.delete", "team_id"),

	GROUP_UPDATE("fivetran.group.update", "group_id"),

	GROUP_DELETE("fivetran.group.delete", "group_id"),

	DESTINATION_UPDATE("fivetran.destination.update", "destination_id"),

	DESTINATION_DELETE("fivetran.destination.delete", "destination_id"),

	DESTINATION_TEST("fivetran.destination.test", "destination_id"),

	WEBHOOK_UPDATE("fivetran.webhook.update", "webhook_id"),

	WEBHOOK_DELETE("fivetran.webhook.delete", "webhook_id"),

	// Copies.

	CONNECTION_COPY("fivetran.connection.copy", "connection_id"),

	// Cancelling a run, Connect Card.

	TRANSFORMATION_CANCEL("fivetran.transformation.cancel", "transformation_id"),

	CONNECTION_CONNECT_CARD("fivetran.connection.connect_card", "connection_id"),

	// A sensor: waits for a sync it does not start.

	CONNECTION_AWAIT("fivetran.connection.await", "connection_id");

	private final String type;

	private final String[] resourceFields;

	CommandType(String type, String resourceField, String... otherResourceFields) {
		this.type = type;
		this.resourceFields = new String[otherResourceFields.length + 1];
		this.resourceFields[0] = resourceField;
		System.arraycopy(otherResourceFields, 0, this.resourceFields, 1, otherResourceFields.length);
	}

	/** The CloudEvent {@code type}. */
	public String type() {
		return this.type;
	}

	/** The type for a CloudEvent {@code type}, if the bridge knows it. */
	public static Optional<CommandType> of(String type) {
		return Arrays.stream(values()).filter((candidate) -> candidate.type.equals(type)).findFirst();
	}

	/**
	 * The connection the command names ({@code connection}) instead of giving its
	 * {@code connection_id}, or null. A create names no existing connection.
	 */
	public ConnectionName connectionName(ObjectNode data) {
		return (this != CONNECTION_CREATE) ? ConnectionName.of(data) : null;
	}

	/**
	 * The resource a command acts on: the connection, group or transformation id; for a
	 * connection create, {@code group_id/schema}; for other creates, the unique name (the
	 * group's or team's name, the user's email); for a destination, its group's id or
	 * name; for an account webhook, {@code account}. A connection addressed by name
	 * ({@code connection}) is keyed {@code group/schema} like its create, so that a
	 * create and the commands that follow it on the same connection run in order.
	 */
	public String resourceKey(ObjectNode data) {
		ConnectionName name = connectionName(data);
		if (name != null) {
			return name.key();
		}
		if (this == CONNECTION_CREATE) {
			JsonNode group = data.has("group_id") ? data.get("group_id") : data.path("group_ids").path(0);
			JsonNode config = data.path("config");
			String schema = config.path("schema").asString(config.path("schema_prefix").asString(""));
			return group.asString("") + "/" + schema;
		}
		for (String field : this.resourceFields) {
			String value = data.path(field).asString("");
			if (!value.isEmpty()) {
				return value;
			}
		}
		return (this == WEBHOOK_CREATE) ? "account" : "";
	}

}
