package dev.ftbridge.command;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.context.TestPropertySource;

import dev.ftbridge.resilience.SandboxBridgeTest;
import dev.ftbridge.sandbox.LoggedRequest;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.EventSchemas;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fivetran.connection.copy} end to end against the Fivetran sandbox: a connection
 * copied into two groups (the same service, config and schema config, the credentials
 * from the command), and a copy whose create answer was lost (looked up, not created
 * twice).
 */
@TestPropertySource(properties = "ftbridge.test.context=admin-and-fleet")
class ConnectionCopyIntegrationTest extends SandboxBridgeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void copyIntoTwoGroupsCreatesTheSameConnectionAndSchemaConfigInEach() {
		String source = sourceConnection("shop");
		String first = sandbox.state().addGroup(unique("copy_a")).id();
		String second = sandbox.state().addGroup(unique("copy_b")).id();
		String id = send(source, "{\"connection_id\":\"" + source + "\",\"group_ids\":[\"" + first + "\",\"" + second
				+ "\"],\"config\":{\"password\":\"copy-secret\"}}");
		List<Recorded> parts = partsOf(id, 2);
		ObjectNode sourceDetails = sandbox.state().connectionDetails(source).orElseThrow();
		assertThat(parts).allSatisfy((part) -> {
			assertThat(part.dataText("outcome")).isEqualTo("SUCCEEDED");
			assertThat(part.data().at("/part/of").asInt()).isEqualTo(2);
			assertThat(part.data().at("/response/source_connection_id").asString()).isEqualTo(source);
			assertThat(new String(part.value())).doesNotContain("copy-secret");
		});
		assertThat(parts).extracting((part) -> part.dataText("group_id")).containsExactly(first, second);
		for (Recorded part : parts) {
			String copy = part.dataText("connection_id");
			assertThat(part.dataText("resource_id")).isEqualTo(copy);
			assertThat(sandbox.state().connectionIds(part.dataText("group_id"))).containsExactly(copy);
			ObjectNode details = sandbox.state().connectionDetails(copy).orElseThrow();
			assertThat(details.path("service").asString()).isEqualTo("postgres");
			assertThat(details.path("schema").asString()).isEqualTo("shop");
			assertThat(details.path("schedule_type")).isEqualTo(sourceDetails.path("schedule_type"));
			assertThat(details.path("sync_frequency")).isEqualTo(sourceDetails.path("sync_frequency"));
			assertThat(details.at("/config/host").asString()).isEqualTo("db.example.com");
			ObjectNode schemas = sandbox.state().schemaConfig(copy).orElseThrow();
			assertThat(schemas.path("schema_change_handling").asString()).isEqualTo("BLOCK_ALL");
			assertThat(schemas.at("/schemas/public/tables/customers/enabled").asBoolean()).isFalse();
			assertThat(schemas.at("/schemas/public/tables/orders/sync_mode").asString()).isEqualTo("HISTORY");
			assertThat(schemas.at("/schemas/public/tables/orders/columns/amount/hashed").asBoolean()).isTrue();
			assertThat(sandbox.requestLog().concerning(copy)).extracting((r) -> r.method() + " " + r.path())
				.containsSubsequence("POST /v1/connections/" + copy + "/schemas/reload",
						"PATCH /v1/connections/" + copy + "/schemas");
		}
		List<LoggedRequest> creates = creates(List.of(first, second));
		assertThat(creates).hasSize(2).allSatisfy((create) -> {
			assertThat(JSON.readTree(create.body()).at("/config/password").asString()).isEqualTo("copy-secret");
			assertThat(create.body()).doesNotContain("******");
		});
	}

	@Test
	void aCopyWhoseCreateAnswerWasLostIsLookedUpNotCreatedTwice() {
		String source = sourceConnection("lost_copy");
		String target = sandbox.state().addGroup(unique("copy_lost")).id();
		sandbox.faults().onlyFor("POST", "/v1/connections").resetNextAfterApplying(1);
		String id = send(source, "{\"connection_id\":\"" + source + "\",\"group_ids\":[\"" + target
				+ "\"],\"config\":{\"password\":\"copy-secret\"}}");
		Recorded result = partsOf(id, 1).get(0);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("reason")).contains("answer was lost", "created once");
		List<String> copies = sandbox.state().connectionIds(target);
		assertThat(copies).containsExactly(result.dataText("connection_id"));
		assertThat(creates(List.of(target))).hasSize(1);
		assertThat(sandbox.state().schemaConfig(copies.get(0)).orElseThrow().path("schema_change_handling").asString())
			.isEqualTo("BLOCK_ALL");
	}

	/**
	 * A postgres connection whose config has a secret (masked when read) and whose schema
	 * config differs from the default in each kind of field a copy carries.
	 */
	private static String sourceConnection(String schema) {
		String group = sandbox.state().addGroup(unique("copy_src")).id();
		ObjectNode config = JSON.createObjectNode()
			.put("host", "db.example.com")
			.put("user", "fivetran")
			.put("password", "source-secret");
		String source = sandbox.state().addConnection(group, "postgres", schema, config);
		ObjectNode schemas = sandbox.state().schemaConfig(source).orElseThrow();
		schemas.put("schema_change_handling", "BLOCK_ALL");
		ObjectNode tables = (ObjectNode) schemas.at("/schemas/public/tables");
		((ObjectNode) tables.get("customers")).put("enabled", false);
		((ObjectNode) tables.get("orders")).put("sync_mode", "HISTORY");
		((ObjectNode) tables.at("/orders/columns/amount")).put("hashed", true);
		sandbox.state().setSchemaConfig(source, schemas);
		return source;
	}

	private static List<LoggedRequest> creates(List<String> groups) {
		return sandbox.requestLog()
			.matching((r) -> r.method().equals("POST") && r.path().equals("/v1/connections")
					&& groups.contains(JSON.readTree(r.body()).path("group_id").asString()));
	}

	private List<Recorded> partsOf(String commandId, int count) {
		List<Recorded> parts = results().await((r) -> commandId.equals(r.dataText("command_id")), count, WAIT)
			.stream()
			.sorted(Comparator.comparingInt((Recorded r) -> r.data().at("/part/index").asInt()))
			.toList();
		parts.forEach((part) -> EventSchemas.assertValid(part.json()));
		return parts;
	}

	private String send(String key, String data) {
		String id = Commands.newId();
		commands().send(key, id, "fivetran.connection.copy", data);
		return id;
	}

}
