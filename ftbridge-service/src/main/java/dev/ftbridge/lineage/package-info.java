/**
 * Outbound, derived: lineage and schema drift, built only from what the bridge already
 * publishes. Follows {@code fivetran.status} (sync and transformation events, schema
 * describes) and {@code fivetran.command-results} (schema reloads and updates), keeps
 * each connection's last known schema config (read from Fivetran at background priority)
 * in the compacted {@code fivetran.connection-schemas}, and publishes OpenLineage run
 * events to {@code fivetran.lineage} and {@code fivetran.connection.schema.changed} to
 * {@code fivetran.status}. Depends on {@code fivetran} and {@code events}; nothing
 * depends on it.
 */
package dev.ftbridge.lineage;
