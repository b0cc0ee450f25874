package dev.ftbridge.command;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.context.TestPropertySource;

import dev.ftbridge.contract.CommandType;
import dev.ftbridge.resilience.SandboxBridgeTest;
import dev.ftbridge.sandbox.LoggedRequest;
import dev.ftbridge.support.EventSchemas;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections addressed by name end to end, through Kafka against the Fivetran sandbox: a
 * create and a sync of the same connection by name run in order under the key both get,
 * no match is {@code FAILED}, several are {@code REJECTED}. Open syncs are polled within
 * a second, so that their terminal results come without webhooks.
 */
@TestPropertySource(properties = { "ftbridge.test.context=named-connections", "ftbridge.operations.poll-after=1s",
		"ftbridge.operations.poll-interval=1s", "ftbridge.operations.tick=200ms" })
class NamedConnectionsIntegrationTest extends SandboxBridgeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aCreateThenASyncByNameRunInOrderAndSucceed() {
		String group = sandbox.state().addGroup(unique("named")).id();
		String create = """
				{"group_id":"%s","service":"postgres","paused":false,"run_setup_tests":true,
				 "config":{"schema":"orders_pg","host":"db","password":"hunter2"}}""".formatted(group);
		String sync = """
				{"connection":{"group_id":"%s","schema":"orders_pg"}}""".formatted(group);
		String key = key(CommandType.CONNECTION_CREATE, create);
		assertThat(key(CommandType.CONNECTION_SYNC, sync)).as("the key the CLI gives each").isEqualTo(key);
		String createId = sendCommand(key, "fivetran.connection.create", create);
		String syncId = sendCommand(key, "fivetran.connection.sync", sync);

		Recorded created = resultOf(createId);
		assertThat(created.dataText("outcome")).isEqualTo("SUCCEEDED");
		String connection = created.dataText("connection_id");
		List<Recorded> synced = results().await((r) -> syncId.equals(r.dataText("command_id")), 2, WAIT);
		synced.forEach((result) -> EventSchemas.assertValid(result.json()));
		assertThat(synced).extracting((r) -> r.dataText("outcome")).containsExactly("ACCEPTED", "SUCCEEDED");
		Recorded accepted = synced.get(0);
		assertThat(accepted.key()).isEqualTo(key);
		assertThat(accepted.dataText("connection_id")).isEqualTo(connection);
		assertThat(accepted.dataText("resource_id")).isEqualTo(connection);
		assertThat(accepted.dataText("group_id")).isEqualTo(group);
		assertThat(accepted.data().path("connection"))
			.isEqualTo(JSON.readTree("{\"group_id\":\"" + group + "\",\"schema\":\"orders_pg\"}"));
		Recorded ended = synced.get(1);
		assertThat(ended.dataText("connection_id")).isEqualTo(connection);
		assertThat(ended.dataText("resource_id")).isEqualTo(connection);
		assertThat(ended.dataText("group_id")).as("the terminal result is named like the first").isEqualTo(group);
		assertThat(ended.data().path("connection")).isEqualTo(accepted.data().path("connection"));

		List<LoggedRequest> requests = sandbox.requestLog()
			.matching((r) -> r.path().equals("/v1/connections") && r.method().equals("POST") && r.body().contains(group)
					|| r.path().equals("/v1/groups/" + group + "/connections")
					|| r.path().equals("/v1/connections/" + connection + "/sync"));
		assertThat(requests).extracting((r) -> r.method() + " " + r.path())
			.containsExactly("POST /v1/connections", "GET /v1/groups/" + group + "/connections",
					"POST /v1/connections/" + connection + "/sync");
	}

	@Test
	void aNameByGroupNameIsResolvedThroughTheGroups() {
		String name = unique("Warehouse");
		String group = sandbox.state().addGroup(name).id();
		String connection = sandbox.state().addConnection(group, "postgres", "crm");
		String data = """
				{"connection":{"group_name":"%s","schema":"crm"}}""".formatted(name.toLowerCase());
		Recorded result = resultOf(sendCommand(null, "fivetran.connection.pause", data));
		assertThat(result.key()).isEqualTo(name.toLowerCase() + "/crm");
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("connection_id")).isEqualTo(connection);
		assertThat(result.data().at("/connection/group_id").asString()).isEqualTo(group);
		assertThat(sandbox.state().connectionDetails(connection).orElseThrow().path("paused").asBoolean()).isTrue();
		LoggedRequest patch = sandbox.requestLog()
			.requests("PATCH", "/v1/connections/{id}")
			.stream()
			.filter((r) -> r.path().endsWith(connection))
			.findFirst()
			.orElseThrow();
		assertThat(JSON.readTree(patch.body()).has("connection")).isFalse();
	}

	@Test
	void noMatchFailsWithoutTouchingAnyConnection() {
		String group = sandbox.state().addGroup(unique("named")).id();
		String other = sandbox.state().addConnection(group, "postgres", "crm");
		Recorded result = resultOf(sendCommand(null, "fivetran.connection.sync",
				"{\"connection\":{\"group_id\":\"" + group + "\",\"schema\":\"nope\"}}"));
		assertThat(result.dataText("outcome")).isEqualTo("FAILED");
		assertThat(result.dataText("reason")).contains("no connection with schema 'nope' in group " + group);
		assertThat(result.data().has("connection_id")).isFalse();
		assertThat(sandbox.requestLog().concerning(other)).isEmpty();
		assertThat(sandbox.requestLog().requests("GET", "/v1/groups/{id}/connections"))
			.filteredOn((r) -> r.path().contains(group))
			.as("read once, and again on the miss")
			.hasSize(2);
	}

	@Test
	void aGroupNameMatchingSeveralGroupsIsRejectedListingThem() {
		String name = unique("sales");
		String lower = sandbox.state().addGroup(name).id();
		String upper = sandbox.state().addGroup(name.toUpperCase()).id();
		Recorded result = resultOf(sendCommand(null, "fivetran.connection.pause", "{\"connection\":{\"group_name\":\""
				+ name.substring(0, 1).toUpperCase() + name.substring(1) + "\",\"schema\":\"crm\"}}"));
		assertThat(result.dataText("outcome")).isEqualTo("REJECTED");
		assertThat(result.dataText("reason")).contains(lower, upper, "ambiguous");
		assertThat(sandbox.requestLog().requests("GET", "/v1/groups/{id}/connections"))
			.noneMatch((r) -> r.path().contains(lower) || r.path().contains(upper));
	}

	private static String key(CommandType type, String data) {
		return type.resourceKey((ObjectNode) JSON.readTree(data));
	}

}
