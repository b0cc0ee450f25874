package dev.ftbridge.lineage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The difference between two reads of a connection's schema config, as one
 * {@link ConnectionSchemaChanged}, or none when nothing that lineage or drift cares for
 * changed.
 */
final class SchemaChanges {

	/** The most names one list of a change event carries, so events stay small. */
	static final int MAX_NAMES = 500;

	private final List<List<String>> lists = new ArrayList<>();

	private boolean truncated;

	private SchemaChanges() {
		for (int i = 0; i < 10; i++) {
			this.lists.add(new ArrayList<>());
		}
	}

	static Optional<ConnectionSchemaChanged> between(String connectionId, Stored before, Stored after, String trigger) {
		SchemaChanges changes = new SchemaChanges();
		changes.compare(before.schema(), after.schema());
		if (changes.lists.stream().allMatch(List::isEmpty)) {
			return Optional.empty();
		}
		List<List<String>> l = changes.lists;
		return Optional
			.of(new ConnectionSchemaChanged(connectionId, after.readAt(), before.readAt(), trigger, l.get(0), l.get(1),
					l.get(2), l.get(3), l.get(4), l.get(5), l.get(6), l.get(7), l.get(8), l.get(9), changes.truncated));
	}

	private void compare(ConnectionSchema before, ConnectionSchema after) {
		after.tables().forEach((name, table) -> {
			ConnectionSchema.Table old = before.tables().get(name);
			if (old == null) {
				add(0, name);
				return;
			}
			if (table.enabled() != old.enabled()) {
				add(table.enabled() ? 2 : 3, name);
			}
			compareColumns(name, old.columns(), table.columns());
		});
		before.tables()
			.keySet()
			.stream()
			.filter((name) -> !after.tables().containsKey(name))
			.forEach((name) -> add(1, name));
	}

	private void compareColumns(String table, Map<String, ConnectionSchema.Column> before,
			Map<String, ConnectionSchema.Column> after) {
		after.forEach((name, column) -> {
			ConnectionSchema.Column old = before.get(name);
			String qualified = table + "." + name;
			if (old == null) {
				add(4, qualified);
				return;
			}
			if (column.enabled() != old.enabled()) {
				add(column.enabled() ? 6 : 7, qualified);
			}
			if (column.hashed() != old.hashed()) {
				add(column.hashed() ? 8 : 9, qualified);
			}
		});
		before.keySet()
			.stream()
			.filter((name) -> !after.containsKey(name))
			.forEach((name) -> add(5, table + "." + name));
	}

	private void add(int list, String name) {
		if (this.lists.get(list).size() < MAX_NAMES) {
			this.lists.get(list).add(name);
		}
		else {
			this.truncated = true;
		}
	}

	/**
	 * A schema config as the bridge last read it.
	 *
	 * @param schema what it said
	 * @param readAt when the bridge read it
	 */
	record Stored(ConnectionSchema schema, Instant readAt) {

	}

}
