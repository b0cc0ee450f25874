package dev.ftbridge.lineage;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ftbridge.fivetran.FivetranClient;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.Throttle;

/**
 * Reads a connection's schema config from Fivetran at background priority (after
 * commands, within the budgets' background share), keeps it, and publishes one
 * {@link ConnectionSchemaChanged} when it differs from the one kept before.
 */
class SchemaWatch {

	private static final Logger log = LoggerFactory.getLogger(SchemaWatch.class);

	private final Function<String, FivetranClient> accounts;

	private final SchemaStore store;

	private final LineageSink sink;

	private final Clock clock;

	/**
	 * @param accounts the client of a Fivetran account by name, or null for an account
	 * this bridge has no credentials for
	 */
	SchemaWatch(Function<String, FivetranClient> accounts, SchemaStore store, LineageSink sink, Clock clock) {
		this.accounts = accounts;
		this.store = store;
		this.sink = sink;
		this.clock = clock;
	}

	/** The kept schema config, read from Fivetran first when none is kept. */
	Optional<ConnectionSchema> known(String connectionId, String account, String trigger) throws Exception {
		Optional<SchemaChanges.Stored> kept = this.store.get(connectionId);
		if (kept.isPresent()) {
			return kept.map(SchemaChanges.Stored::schema);
		}
		return refresh(connectionId, account, trigger, null);
	}

	/**
	 * Reads the schema config again unless it was read after {@code changedAt} (the many
	 * events of one describe cost one read); publishes the difference, if any.
	 * @param changedAt when the event that asks for it happened, or null to read anyway
	 * @return the schema config as now known, or empty when Fivetran has none yet or
	 * could not be asked
	 */
	Optional<ConnectionSchema> refresh(String connectionId, String account, String trigger, Instant changedAt)
			throws Exception {
		Optional<SchemaChanges.Stored> before = this.store.get(connectionId);
		if (changedAt != null && before.isPresent() && before.get().readAt().isAfter(changedAt)) {
			return before.map(SchemaChanges.Stored::schema);
		}
		FivetranClient fivetran = this.accounts.apply(account);
		if (fivetran == null) {
			log.info("Schema config of {} not read (account '{}' has no API credentials here); lineage uses what is "
					+ "kept", connectionId, account);
			return before.map(SchemaChanges.Stored::schema);
		}
		Instant readAt = this.clock.instant();
		ConnectionSchema schema;
		try {
			schema = ConnectionSchema
				.of(fivetran.execute(FivetranRequests.schemaConfig(connectionId), Throttle.Priority.BACKGROUND).data());
		}
		catch (FivetranException ex) {
			// A connection that never synced has no schema config yet
			// (NotFound_SchemaConfig).
			log.info("Schema config of {} not read ({}); lineage uses what is kept", connectionId, ex.getMessage());
			return before.map(SchemaChanges.Stored::schema);
		}
		SchemaChanges.Stored after = new SchemaChanges.Stored(schema, readAt);
		if (before.isPresent()) {
			Optional<ConnectionSchemaChanged> change = SchemaChanges.between(connectionId, before.get(), after,
					trigger);
			if (change.isPresent()) {
				this.sink.schemaChanged(change.get());
			}
		}
		this.store.put(connectionId, after);
		return Optional.of(schema);
	}

}
