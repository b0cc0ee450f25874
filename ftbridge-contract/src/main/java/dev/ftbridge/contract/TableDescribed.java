package dev.ftbridge.contract;

import java.time.Instant;
import java.util.List;

/**
 * One table of a connection's schema config, with its columns, named in the source and in
 * the destination (published as {@code fivetran.connection.table.described}; schema in
 * {@code topics/schemas/events/fivetran.connection.table.described.json}). A describe
 * command publishes one per table, numbered by {@code part}, so that no event grows with
 * the size of the whole connection.
 *
 * @param connectionId the connection
 * @param commandId the describe command
 * @param observedAt when the bridge read it
 * @param schema the schema's name in the source
 * @param schemaNameInDestination the schema's name in the destination
 * @param schemaEnabled whether the schema is synced
 * @param table the table's name in the source
 * @param nameInDestination the table's name in the destination
 * @param enabled whether the table is synced
 * @param syncMode {@code SOFT_DELETE}, {@code HISTORY} or {@code LIVE}, when known
 * @param columnsFrom where the columns came from: {@code schema_config}, {@code source}
 * (the columns endpoint) or {@code none} (not listed)
 * @param columns the table's columns
 * @param part which table this is, of how many
 */
public record TableDescribed(String connectionId, String commandId, Instant observedAt, String schema,
		String schemaNameInDestination, Boolean schemaEnabled, String table, String nameInDestination, Boolean enabled,
		String syncMode, String columnsFrom, List<Column> columns, CommandResult.Part part) {

	/** The CloudEvent type. */
	public static final String TYPE = "fivetran.connection.table.described";

	public TableDescribed {
		columns = List.copyOf(columns);
	}

	/**
	 * One column.
	 *
	 * @param name its name in the source
	 * @param nameInDestination its name in the destination
	 * @param enabled whether it is synced
	 * @param hashed whether it is hashed
	 * @param isPrimaryKey whether it is part of the primary key
	 */
	public record Column(String name, String nameInDestination, Boolean enabled, Boolean hashed, Boolean isPrimaryKey) {

	}

}
