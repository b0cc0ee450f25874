package dev.ftbridge.command;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.ftbridge.resilience.SandboxBridgeTest;
import dev.ftbridge.sandbox.LoggedRequest;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet commands end to end against the Fivetran sandbox: healing a group's broken
 * connections and describing a connection's schema, with the requests the sandbox
 * receives and the events that come out (checked against their schemas).
 */
// A context of their own (same settings as the resilience tests): sharing theirs left it
// idle while other contexts ran, and the outage test then began with a rebalance.
@TestPropertySource(properties = "ftbridge.test.context=admin-and-fleet")
class FleetCommandsIntegrationTest extends SandboxBridgeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void healTestsOnlyTheBrokenConnectionsWithTheTrustOptionsAndReportsEach() {
		String group = sandbox.state().addGroup(unique("heal")).id();
		String healthy = sandbox.state().addConnection(group, "postgres", "healthy");
		String untrusted = broken(group, "untrusted", "untrusted_certificate");
		String failing = broken(group, "failing", "fail");
		String id = sendCommand(group, "fivetran.group.heal",
				"{\"group_id\":\"" + group + "\",\"trust_certificates\":true}");
		Recorded result = resultOf(id);
		assertThat(result.dataText("outcome")).isEqualTo("FAILED");
		JsonNode response = result.data().path("response");
		assertThat(response.path("connections").asInt()).isEqualTo(3);
		assertThat(response.path("broken").asInt()).isEqualTo(2);
		assertThat(response.path("healed").asInt()).isEqualTo(1);
		assertThat(response.path("outcomes").findValuesAsString("connection_id")).containsExactly(untrusted, failing);
		assertThat(response.path("outcomes").findValuesAsString("setup_state")).containsExactly("connected", "broken");
		assertThat(response.at("/outcomes/1/failed_tests/0").asString()).startsWith("Validating credentials");
		assertThat(result.dataText("reason")).contains("1 of 2", failing).doesNotContain(untrusted + " (");
		List<LoggedRequest> tests = sandbox.requestLog()
			.matching((r) -> r.method().equals("POST") && r.path().endsWith("/test") && r.connectionId() != null
					&& List.of(healthy, untrusted, failing).contains(r.connectionId()));
		assertThat(tests).extracting(LoggedRequest::connectionId).containsExactlyInAnyOrder(untrusted, failing);
		assertThat(tests).allSatisfy((r) -> assertThat(json(r.body()))
			.isEqualTo(json("{\"trust_certificates\":true,\"trust_fingerprints\":false}")));
		List<Recorded> statuses = statusesOf(id, 2);
		assertThat(statuses).extracting(Recorded::key).containsExactlyInAnyOrder(untrusted, failing);
		assertThat(statuses).filteredOn((s) -> s.key().equals(untrusted))
			.allSatisfy((s) -> assertThat(s.dataText("setup_state")).isEqualTo("connected"));
		assertThat(sandbox.state().connectionDetails(untrusted).orElseThrow().at("/status/setup_state").asString())
			.isEqualTo("connected");
	}

	@Test
	void healSucceedsWhenEveryBrokenConnectionIsConnectedAgain() {
		String group = sandbox.state().addGroup(unique("heal")).id();
		String connection = broken(group, "ssh", "untrusted_fingerprint");
		Recorded result = resultOf(sendCommand(group, "fivetran.group.heal",
				"{\"group_id\":\"" + group + "\",\"trust_fingerprints\":true}"));
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.data().at("/response/outcomes/0/connection_id").asString()).isEqualTo(connection);
		assertThat(result.data().at("/response/still_broken").asInt()).isZero();
	}

	@Test
	void healOfAnUnknownGroupFailsWithFivetransNotFound() {
		Recorded result = resultOf(sendCommand(null, "fivetran.group.heal", "{\"group_id\":\"no_such_group\"}"));
		assertThat(result.dataText("outcome")).isEqualTo("FAILED");
		assertThat(result.data().path("http_status").asInt()).isEqualTo(404);
	}

	@Test
	void describePublishesEveryTableWithSourceAndDestinationNames() {
		String group = sandbox.state().addGroup(unique("describe")).id();
		String connection = sandbox.state().addConnection(group, "postgres", "shop");
		ObjectNode config = JSON.createObjectNode().put("schema_change_handling", "ALLOW_ALL");
		ObjectNode schema = config.putObject("schemas")
			.putObject("Sales")
			.put("name_in_destination", "shop_sales")
			.put("enabled", true);
		ObjectNode orders = schema.putObject("tables")
			.putObject("Orders")
			.put("name_in_destination", "orders")
			.put("enabled", true)
			.put("sync_mode", "SOFT_DELETE");
		orders.putObject("columns")
			.putObject("OrderId")
			.put("name_in_destination", "order_id")
			.put("enabled", true)
			.put("is_primary_key", true);
		((ObjectNode) schema.get("tables")).putObject("Customers")
			.put("name_in_destination", "customers")
			.put("enabled", false)
			.put("supports_columns_config", true);
		sandbox.state().setSchemaConfig(connection, config);
		sandbox.state().setSourceColumns(connection, "Sales", "Customers", (ObjectNode) json("""
				{"Email":{"name_in_destination":"email","enabled":true,"hashed":true}}"""));
		String id = sendCommand(connection, "fivetran.connection.schema.describe",
				"{\"connection_id\":\"" + connection + "\"}");
		Recorded result = resultOf(id);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.data().at("/response/tables").asInt()).isEqualTo(2);
		assertThat(result.data().at("/response/columns").asInt()).isEqualTo(2);
		assertThat(result.data().at("/response/schemas/0/name_in_destination").asString()).isEqualTo("shop_sales");
		List<Recorded> tables = statusesOf(id, 2);
		assertThat(tables).allSatisfy((t) -> {
			assertThat(t.key()).isEqualTo(connection);
			assertThat(t.json().path("type").asString()).isEqualTo("fivetran.connection.table.described");
			assertThat(t.dataText("schema_name_in_destination")).isEqualTo("shop_sales");
		});
		Recorded ordersEvent = table(tables, "Orders");
		assertThat(ordersEvent.dataText("name_in_destination")).isEqualTo("orders");
		assertThat(ordersEvent.dataText("columns_from")).isEqualTo("schema_config");
		assertThat(ordersEvent.data().at("/columns/0/name_in_destination").asString()).isEqualTo("order_id");
		Recorded customersEvent = table(tables, "Customers");
		assertThat(customersEvent.dataText("columns_from")).isEqualTo("source");
		assertThat(customersEvent.data().at("/columns/0/name").asString()).isEqualTo("Email");
		assertThat(customersEvent.data().at("/columns/0/hashed").asBoolean()).isTrue();
		assertThat(sandbox.requestLog().concerning(connection)).extracting(LoggedRequest::path)
			.containsExactly("/v1/connections/" + connection + "/schemas",
					"/v1/connections/" + connection + "/schemas/Sales/tables/Customers/columns");
	}

	@Test
	void describeWithoutFetchingColumnsReadsOnlyTheSchemaConfig() {
		String group = sandbox.state().addGroup(unique("describe")).id();
		String connection = sandbox.state().addConnection(group, "postgres", "plain");
		String id = sendCommand(connection, "fivetran.connection.schema.describe",
				"{\"connection_id\":\"" + connection + "\",\"fetch_columns\":false}");
		assertThat(resultOf(id).data().at("/response/tables").asInt()).isEqualTo(2);
		assertThat(statusesOf(id, 2)).allSatisfy((t) -> assertThat(t.dataText("schema")).isEqualTo("public"));
		assertThat(sandbox.requestLog().concerning(connection)).hasSize(1);
	}

	private static String broken(String group, String schema, String hook) {
		return sandbox.state()
			.addConnection(group, "postgres", schema, JSON.createObjectNode().put("sandbox_setup", hook));
	}

	private static Recorded table(List<Recorded> tables, String name) {
		return tables.stream().filter((t) -> name.equals(t.dataText("table"))).findFirst().orElseThrow();
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
