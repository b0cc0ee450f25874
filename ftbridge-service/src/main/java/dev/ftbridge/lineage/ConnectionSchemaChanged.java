package dev.ftbridge.lineage;

import java.time.Instant;
import java.util.List;

/**
 * A connection's schema config changed between two reads (published as
 * {@code fivetran.connection.schema.changed} to the status topic, keyed by the connection
 * id). Tables are named {@code schema.table}, columns {@code schema.table.column}, in the
 * source. Only the differences are listed, at most {@link SchemaChanges#MAX_NAMES} names
 * per list; {@code truncated} says when a list was cut.
 *
 * @param connectionId the connection
 * @param observedAt when the bridge read the new schema config
 * @param previousAt when it had read the one compared with
 * @param trigger what made the bridge read it: {@code sync_end}, {@code describe},
 * {@code schema_reload}, {@code schema_update} or {@code sync_start}
 * @param tablesAdded tables the config lists now and did not before
 * @param tablesRemoved tables it no longer lists
 * @param tablesEnabled tables that sync now and did not before
 * @param tablesDisabled tables that no longer sync
 * @param columnsAdded columns of tables listed both times, listed now only
 * @param columnsRemoved columns listed before only
 * @param columnsEnabled columns that sync now and did not before
 * @param columnsDisabled columns that no longer sync
 * @param columnsHashed columns hashed now and not before
 * @param columnsUnhashed columns no longer hashed
 * @param truncated whether a list was cut at {@link SchemaChanges#MAX_NAMES}
 */
record ConnectionSchemaChanged(String connectionId, Instant observedAt, Instant previousAt, String trigger,
		List<String> tablesAdded, List<String> tablesRemoved, List<String> tablesEnabled, List<String> tablesDisabled,
		List<String> columnsAdded, List<String> columnsRemoved, List<String> columnsEnabled,
		List<String> columnsDisabled, List<String> columnsHashed, List<String> columnsUnhashed, boolean truncated) {

	/** The CloudEvent type of a schema change. */
	static final String TYPE = "fivetran.connection.schema.changed";

}
