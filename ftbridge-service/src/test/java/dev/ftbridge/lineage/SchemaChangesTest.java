package dev.ftbridge.lineage;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaChangesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant BEFORE = Instant.parse("2026-12-05T06:00:00Z");

	private static final Instant AFTER = Instant.parse("2026-12-05T07:00:00Z");

	@Test
	void sameConfigReadTwiceIsNoChange() {
		assertThat(diff(config(), config())).isEmpty();
	}

	@Test
	void namesInTheDestinationOnlyAreNoDriftButTablesAndColumnsAre() {
		ObjectNode after = config();
		ObjectNode tables = (ObjectNode) after.path("schemas").path("public").path("tables");
		tables.remove("customers");
		ObjectNode orders = (ObjectNode) tables.path("orders");
		orders.put("name_in_destination", "orders_v2");
		ObjectNode columns = (ObjectNode) orders.path("columns");
		columns.remove("amount");
		columns.putObject("discount").put("enabled", true).put("hashed", false);
		((ObjectNode) columns.path("email")).put("hashed", true);
		((ObjectNode) columns.path("note")).put("enabled", false);
		tables.putObject("refunds").put("enabled", false);
		ConnectionSchemaChanged change = diff(config(), after).orElseThrow();
		assertThat(change.tablesAdded()).containsExactly("public.refunds");
		assertThat(change.tablesRemoved()).containsExactly("public.customers");
		assertThat(change.tablesEnabled()).isEmpty();
		assertThat(change.tablesDisabled()).isEmpty();
		assertThat(change.columnsAdded()).containsExactly("public.orders.discount");
		assertThat(change.columnsRemoved()).containsExactly("public.orders.amount");
		assertThat(change.columnsHashed()).containsExactly("public.orders.email");
		assertThat(change.columnsUnhashed()).isEmpty();
		assertThat(change.columnsDisabled()).containsExactly("public.orders.note");
		assertThat(change.columnsEnabled()).isEmpty();
		assertThat(change.previousAt()).isEqualTo(BEFORE);
		assertThat(change.observedAt()).isEqualTo(AFTER);
		assertThat(change.truncated()).isFalse();
	}

	@Test
	void aDisabledSchemaDisablesItsTables() {
		ObjectNode after = config();
		((ObjectNode) after.path("schemas").path("public")).put("enabled", false);
		ConnectionSchemaChanged change = diff(config(), after).orElseThrow();
		assertThat(change.tablesDisabled()).containsExactly("public.customers", "public.orders");
		assertThat(change.columnsDisabled()).isEmpty();
	}

	@Test
	void aHugeChangeStaysSmall() {
		ObjectNode after = config();
		ObjectNode tables = (ObjectNode) after.path("schemas").path("public").path("tables");
		for (int i = 0; i < SchemaChanges.MAX_NAMES + 10; i++) {
			tables.putObject("t" + i).put("enabled", true);
		}
		ConnectionSchemaChanged change = diff(config(), after).orElseThrow();
		assertThat(change.tablesAdded()).hasSize(SchemaChanges.MAX_NAMES);
		assertThat(change.truncated()).isTrue();
	}

	@Test
	void aKeptSchemaReadsBackEqual() {
		JsonMapper snake = JsonMapper.builder()
			.propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
			.build();
		SchemaChanges.Stored stored = new SchemaChanges.Stored(ConnectionSchema.of(config()), BEFORE);
		assertThat(snake.readValue(snake.writeValueAsBytes(stored), SchemaChanges.Stored.class)).isEqualTo(stored);
	}

	private static Optional<ConnectionSchemaChanged> diff(ObjectNode before, ObjectNode after) {
		return SchemaChanges.between("c1", new SchemaChanges.Stored(ConnectionSchema.of(before), BEFORE),
				new SchemaChanges.Stored(ConnectionSchema.of(after), AFTER), "sync_end");
	}

	private static ObjectNode config() {
		return (ObjectNode) JSON.readTree("""
				{"schemas": {"public": {"name_in_destination": "pg_public", "enabled": true, "tables": {
				  "orders": {"name_in_destination": "orders", "enabled": true, "columns": {
				    "id": {"enabled": true, "hashed": false}, "amount": {"enabled": true, "hashed": false},
				    "email": {"enabled": true, "hashed": false}, "note": {"enabled": true, "hashed": false}}},
				  "customers": {"name_in_destination": "customers", "enabled": true, "columns": {
				    "id": {"enabled": true, "hashed": false}}}}}}}
				""");
	}

}
