package dev.ftbridge.cli;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class EventLinesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aResultNamesItsTypeResourceReasonAndCommand() {
		EventLines.Line line = EventLines
			.of(event("fivetran.command.result",
					"{\"command_id\":\"c1\",\"command_type\":\"fivetran.connection.sync\",\"outcome\":\"FAILED\","
							+ "\"resource_id\":\"conn_a\",\"reason\":\"Invalid credentials\",\"sync_id\":\"s1\","
							+ "\"duration_ms\":1200}"))
			.orElseThrow();
		assertThat(line.toString()).contains("FAILED", "fivetran.connection.sync conn_a", "Invalid credentials",
				"sync s1", "1200 ms", "id c1");
	}

	@Test
	void aDescribedTableShowsItsNamesInTheSourceAndTheDestination() {
		EventLines.Line line = EventLines
			.of(event("fivetran.connection.table.described",
					"{\"connection_id\":\"conn_a\",\"schema\":\"public\",\"schema_name_in_destination\":\"pg_public\","
							+ "\"table\":\"Orders\",\"name_in_destination\":\"orders\",\"columns\":[{},{},{}]}"))
			.orElseThrow();
		assertThat(line.toString()).contains("TABLE", "conn_a public.Orders → pg_public.orders (3 columns)");
	}

	@Test
	void anythingElseIsNotShown() {
		assertThat(EventLines.of(event("com.example.other", "{}"))).isEmpty();
	}

	private static JsonNode event(String type, String data) {
		return JSON.readTree("{\"type\":\"" + type + "\",\"data\":" + data + "}");
	}

}
