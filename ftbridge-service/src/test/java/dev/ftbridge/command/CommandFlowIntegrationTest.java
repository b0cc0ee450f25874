package dev.ftbridge.command;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ftbridge.BridgeIntegrationTest;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.MockFivetran;
import dev.ftbridge.support.MockFivetran.Request;
import dev.ftbridge.support.MockFivetran.Response;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each command type end to end: a CloudEvent on the command topic, the exact request
 * Fivetran receives, and the result event that comes out.
 */
class CommandFlowIntegrationTest extends BridgeIntegrationTest {

	private static final String BASIC = "Basic "
			+ Base64.getEncoder().encodeToString("test-key:test-secret".getBytes());

	private static final String V2 = "application/json;version=2";

	@Test
	void pauseSendsPatchWithoutSetupTestsAndPublishesSucceeded() {
		String connection = unique("conn");
		String id = send(connection, "fivetran.connection.pause", "{\"connection_id\":\"" + connection + "\"}");
		Recorded result = resultOf(id);
		Request request = onlyRequest("PATCH", "/v1/connections/" + connection);
		assertThat(request.header("authorization")).isEqualTo(BASIC);
		assertThat(request.header("accept")).isEqualTo(V2);
		assertThat(request.header("content-type")).startsWith("application/json");
		assertThat(json(request.body())).isEqualTo(json("{\"paused\":true,\"run_setup_tests\":false}"));
		assertThat(result.key()).isEqualTo(connection);
		assertThat(result.json().path("type").asString()).isEqualTo("fivetran.command.result");
		assertThat(result.header("content-type")).isEqualTo("application/cloudevents+json");
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("command_type")).isEqualTo("fivetran.connection.pause");
		assertThat(result.dataText("connection_id")).isEqualTo(connection);
		assertThat(result.data().path("attempts").asInt()).isEqualTo(1);
		assertThat(result.data().path("duration_ms").asLong()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void resumeSendsPausedFalse() {
		String connection = unique("conn");
		String id = send(connection, "fivetran.connection.resume", "{\"connection_id\":\"" + connection + "\"}");
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("SUCCEEDED");
		Request request = onlyRequest("PATCH", "/v1/connections/" + connection);
		assertThat(json(request.body())).isEqualTo(json("{\"paused\":false,\"run_setup_tests\":false}"));
	}

	@Test
	void createSendsBodyAndReportsTheNewConnectionId() {
		String group = unique("group");
		String data = "{\"group_id\":\"" + group + "\",\"service\":\"postgres\",\"run_setup_tests\":false,"
				+ "\"config\":{\"schema\":\"sales\",\"host\":\"db\",\"password\":\"hunter2\"}}";
		String id = send(null, "fivetran.connection.create", data);
		Recorded result = resultOf(id);
		Request request = fivetran.requests("POST", "/v1/connections")
			.stream()
			.filter((r) -> r.body().contains(group))
			.findFirst()
			.orElseThrow();
		assertThat(json(request.body())).isEqualTo(json(data));
		assertThat(request.header("accept")).isEqualTo(V2);
		assertThat(result.key()).isEqualTo(group + "/sales");
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("resource_id")).startsWith("conn_").isEqualTo(result.dataText("connection_id"));
		assertThat(result.dataText("group_id")).isEqualTo(group);
		assertThat(result.data().path("response").has("config")).as("config never copied into results").isFalse();
	}

	@Test
	void createWithGroupIdsFansOutOneCreatePerGroup() {
		String a = unique("ga");
		String b = unique("gb");
		String id = send(null, "fivetran.connection.create", "{\"group_ids\":[\"" + a + "\",\"" + b
				+ "\"],\"service\":\"postgres\",\"config\":{\"schema_prefix\":\"crm\"}}");
		List<Recorded> parts = resultsOf(id, 2);
		assertThat(parts).extracting((r) -> r.dataText("group_id")).containsExactly(a, b);
		assertThat(parts).extracting((r) -> r.data().path("part").path("index").asInt()).containsExactly(0, 1);
		assertThat(parts).allSatisfy((r) -> assertThat(r.data().path("part").path("of").asInt()).isEqualTo(2));
		List<JsonNode> bodies = fivetran.requests("POST", "/v1/connections")
			.stream()
			.map((r) -> json(r.body()))
			.filter((body) -> body.path("config").path("schema_prefix").asString("").equals("crm")
					&& List.of(a, b).contains(body.path("group_id").asString("")))
			.toList();
		assertThat(bodies).hasSize(2).allSatisfy((body) -> assertThat(body.has("group_ids")).isFalse());
	}

	@Test
	void aCreateWhoseAnswerWasLostIsCheckedAgainstFivetranAndNotSentTwice() {
		String group = unique("lost");
		fivetran.when((r) -> r.method().equals("POST") && r.body().contains(group),
				(r) -> Response.error(502, "BadGateway", "upstream timeout"));
		fivetran.when((r) -> r.path().equals("/v1/groups/" + group + "/connections"),
				(r) -> Response.json(200, "{\"code\":\"Success\",\"data\":{\"items\":[{\"id\":\"made_once\","
						+ "\"group_id\":\"" + group + "\",\"schema\":\"sales\"}]}}"));
		String id = send(null, "fivetran.connection.create",
				"{\"group_id\":\"" + group + "\",\"service\":\"postgres\",\"config\":{\"schema\":\"sales\"}}");
		Recorded result = resultOf(id);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("connection_id")).isEqualTo("made_once");
		assertThat(result.dataText("reason")).contains("created once");
		assertThat(fivetran.requests("POST", "/v1/connections").stream().filter((r) -> r.body().contains(group)))
			.as("the create was not sent again")
			.hasSize(1);
		assertThat(fivetran.requests("GET", "/v1/groups/" + group + "/connections").get(0).query())
			.contains("schema=sales");
	}

	@Test
	void aCreateWhoseAnswerWasLostIsSentAgainOnlyWhenFivetranHasNoSuchConnection() {
		String group = unique("lost");
		java.util.concurrent.atomic.AtomicInteger posts = new java.util.concurrent.atomic.AtomicInteger();
		fivetran.when((r) -> r.method().equals("POST") && r.body().contains(group),
				(r) -> (posts.incrementAndGet() == 1) ? Response.error(502, "BadGateway", "upstream timeout")
						: Response.json(201, "{\"code\":\"Success\",\"data\":{\"id\":\"second_try\"}}"));
		String id = send(null, "fivetran.connection.create",
				"{\"group_id\":\"" + group + "\",\"service\":\"postgres\",\"config\":{\"schema\":\"sales\"}}");
		Recorded result = resultOf(id);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("connection_id")).isEqualTo("second_try");
		assertThat(posts.get()).isEqualTo(2);
	}

	@Test
	void updateSendsEverythingButTheConnectionId() {
		String connection = unique("conn");
		String id = send(connection, "fivetran.connection.update",
				"{\"connection_id\":\"" + connection + "\",\"sync_frequency\":60,\"run_setup_tests\":false}");
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("SUCCEEDED");
		Request request = onlyRequest("PATCH", "/v1/connections/" + connection);
		assertThat(json(request.body())).isEqualTo(json("{\"sync_frequency\":60,\"run_setup_tests\":false}"));
	}

	@Test
	void deleteSendsDelete() {
		String connection = unique("conn");
		String id = send(connection, "fivetran.connection.delete", "{\"connection_id\":\"" + connection + "\"}");
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("SUCCEEDED");
		Request request = onlyRequest("DELETE", "/v1/connections/" + connection);
		assertThat(request.body()).isEmpty();
		assertThat(request.header("accept")).isEqualTo(V2);
	}

	@Test
	void syncIsAcceptedAndNotForcedByDefault() {
		String connection = unique("conn");
		String id = send(connection, "fivetran.connection.sync", "{\"connection_id\":\"" + connection + "\"}");
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("ACCEPTED");
		Request request = onlyRequest("POST", "/v1/connections/" + connection + "/sync");
		assertThat(json(request.body())).isEqualTo(json("{\"force\":false}"));
		assertThat(request.header("accept")).isEqualTo(V2);
	}

	@Test
	void resyncWithScopeIsAccepted() {
		String connection = unique("conn");
		String id = send(connection, "fivetran.connection.resync",
				"{\"connection_id\":\"" + connection + "\",\"scope\":{\"public\":[\"orders\"]}}");
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("ACCEPTED");
		Request request = onlyRequest("POST", "/v1/connections/" + connection + "/resync");
		assertThat(json(request.body())).isEqualTo(json("{\"scope\":{\"public\":[\"orders\"]}}"));
	}

	@Test
	void resyncWithoutScopeResyncsEverything() {
		String connection = unique("conn");
		String id = send(connection, "fivetran.connection.resync", "{\"connection_id\":\"" + connection + "\"}");
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("ACCEPTED");
		assertThat(json(onlyRequest("POST", "/v1/connections/" + connection + "/resync").body())).isEqualTo(json("{}"));
	}

	@Test
	void tablesResyncSendsTheScopeAsTheBody() {
		String connection = unique("conn");
		String id = send(connection, "fivetran.connection.tables.resync",
				"{\"connection_id\":\"" + connection + "\",\"scope\":{\"public\":[\"orders\",\"customers\"]}}");
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("ACCEPTED");
		Request request = onlyRequest("POST", "/v1/connections/" + connection + "/schemas/tables/resync");
		assertThat(json(request.body())).isEqualTo(json("{\"public\":[\"orders\",\"customers\"]}"));
		assertThat(request.header("accept")).isEqualTo("application/json");
	}

	@Test
	void schemaUpdateTargetsTheSchemaConfig() {
		String connection = unique("conn");
		String id = send(connection, "fivetran.connection.schema.update",
				"{\"connection_id\":\"" + connection + "\",\"schema_change_handling\":\"BLOCK_ALL\"}");
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(json(onlyRequest("PATCH", "/v1/connections/" + connection + "/schemas").body()))
			.isEqualTo(json("{\"schema_change_handling\":\"BLOCK_ALL\"}"));
	}

	@Test
	void schemaUpdateWithSelectorsTargetsOneColumn() {
		String connection = unique("conn");
		String id = send(connection, "fivetran.connection.schema.update",
				"{\"connection_id\":\"" + connection + "\",\"schema_name\":\"public\",\"table_name\":\"users\","
						+ "\"column_name\":\"email\",\"hashed\":true}");
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("SUCCEEDED");
		Request request = onlyRequest("PATCH",
				"/v1/connections/" + connection + "/schemas/public/tables/users/columns/email");
		assertThat(json(request.body())).isEqualTo(json("{\"hashed\":true}"));
	}

	@Test
	void schemaReloadSendsExcludeMode() {
		String connection = unique("conn");
		String id = send(connection, "fivetran.connection.schema.reload",
				"{\"connection_id\":\"" + connection + "\",\"exclude_mode\":\"EXCLUDE\"}");
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(json(onlyRequest("POST", "/v1/connections/" + connection + "/schemas/reload").body()))
			.isEqualTo(json("{\"exclude_mode\":\"EXCLUDE\"}"));
	}

	@Test
	void setupTestsSucceedWhenEveryTestPasses() {
		String connection = unique("conn");
		String id = send(connection, "fivetran.connection.test",
				"{\"connection_id\":\"" + connection + "\",\"trust_certificates\":true}");
		Recorded result = resultOf(id);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		Request request = onlyRequest("POST", "/v1/connections/" + connection + "/test");
		assertThat(json(request.body())).isEqualTo(json("{\"trust_certificates\":true}"));
		assertThat(result.data().path("response").path("setup_tests").size()).isEqualTo(1);
	}

	@Test
	void setupTestsFailWhenATestFails() {
		String connection = unique("conn");
		fivetran.when((r) -> r.path().equals("/v1/connections/" + connection + "/test"),
				(r) -> Response.json(200, "{\"code\":\"Success\",\"data\":{\"setup_tests\":["
						+ "{\"title\":\"Validating certificate\",\"status\":\"FAILED\",\"message\":\"untrusted\"}]}}"));
		String id = send(connection, "fivetran.connection.test", "{\"connection_id\":\"" + connection + "\"}");
		Recorded result = resultOf(id);
		assertThat(result.dataText("outcome")).isEqualTo("FAILED");
		assertThat(result.dataText("reason")).contains("Validating certificate").contains("untrusted");
	}

	@Test
	void connectionStatusPublishesAStatusEvent() {
		String connection = unique("conn");
		String id = send(connection, "fivetran.connection.status", "{\"connection_id\":\"" + connection + "\"}");
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("SUCCEEDED");
		Recorded status = statusesOf(id, 1).get(0);
		assertThat(status.key()).isEqualTo(connection);
		assertThat(status.json().path("type").asString()).isEqualTo("fivetran.connection.status.observed");
		assertThat(status.dataText("setup_state")).isEqualTo("connected");
		assertThat(status.dataText("sync_state")).isEqualTo("scheduled");
		assertThat(status.dataText("succeeded_at")).isEqualTo("2026-11-28T09:00:00Z");
		assertThat(status.dataText("source")).isEqualTo("command");
		assertThat(onlyRequest("GET", "/v1/connections/" + connection).header("accept")).isEqualTo(V2);
	}

	@Test
	void groupStatusReadsEveryPageAndFiltersByState() {
		String group = unique("group");
		String path = "/v1/groups/" + group + "/connections";
		fivetran.when((r) -> r.path().equals(path) && r.query() != null && r.query().contains("cursor=page2"),
				(r) -> Response.json(200, "{\"code\":\"Success\",\"data\":{\"items\":[" + item("c3", "broken") + ","
						+ item("c4", "connected") + "]}}"));
		fivetran.when((r) -> r.path().equals(path) && (r.query() == null || !r.query().contains("cursor")),
				(r) -> Response.json(200, "{\"code\":\"Success\",\"data\":{\"items\":[" + item("c1", "broken") + ","
						+ item("c2", "connected") + "],\"next_cursor\":\"page2\"}}"));
		String id = send(group, "fivetran.group.status",
				"{\"group_id\":\"" + group + "\",\"setup_state\":[\"broken\"]}");
		Recorded result = resultOf(id);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.data().path("response").path("connections").asInt()).isEqualTo(4);
		assertThat(result.data().path("response").path("matched").asInt()).isEqualTo(2);
		assertThat(result.data().path("attempts").asInt()).isEqualTo(2);
		List<Recorded> observed = statusesOf(id, 2);
		assertThat(observed).extracting(Recorded::key).containsExactlyInAnyOrder("c1", "c3");
		assertThat(fivetran.requests("GET", path)).hasSize(2)
			.allSatisfy((r) -> assertThat(r.query()).contains("limit=1000"));
	}

	@Test
	void transformationRunIsAccepted() {
		String transformation = unique("tr");
		String id = send(transformation, "fivetran.transformation.run",
				"{\"transformation_id\":\"" + transformation + "\",\"full_refresh\":true}");
		Recorded result = resultOf(id);
		assertThat(result.dataText("outcome")).isEqualTo("ACCEPTED");
		assertThat(result.dataText("transformation_id")).isEqualTo(transformation);
		Request request = onlyRequest("POST", "/v1/transformations/" + transformation + "/run");
		assertThat(json(request.body())).isEqualTo(json("{\"full_refresh\":true}"));
	}

	@Test
	void fivetranRejectionIsReportedWithItsCodeAndMessage() {
		String connection = unique("conn");
		fivetran.when((r) -> r.path().equals("/v1/connections/" + connection),
				(r) -> Response.error(404, "NotFound_Connection", "Connection with id '" + connection + "' not found"));
		String id = send(connection, "fivetran.connection.pause", "{\"connection_id\":\"" + connection + "\"}");
		Recorded result = resultOf(id);
		assertThat(result.dataText("outcome")).isEqualTo("FAILED");
		assertThat(result.data().path("http_status").asInt()).isEqualTo(404);
		assertThat(result.dataText("fivetran_code")).isEqualTo("NotFound_Connection");
		assertThat(result.dataText("fivetran_message")).contains("not found");
		assertThat(result.data().path("retryable").asBoolean()).isFalse();
	}

	@Test
	void binaryModeCommandIsExecuted() {
		String connection = unique("conn");
		String id = Commands.newId();
		commands().sendRaw(connection, ("{\"connection_id\":\"" + connection + "\"}").getBytes(),
				java.util.Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "urn:test", "ce_type",
						"fivetran.connection.pause", "content-type", "application/json"));
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(onlyRequest("PATCH", "/v1/connections/" + connection)).isNotNull();
	}

	private String send(String key, String type, String data) {
		String id = Commands.newId();
		commands().send(key, id, type, data);
		return id;
	}

	private static Request onlyRequest(String method, String path) {
		List<Request> requests = fivetran.requests(method, path);
		assertThat(requests).as(method + " " + path).hasSize(1);
		return requests.get(0);
	}

	private static String item(String id, String setupState) {
		return "{\"id\":\"" + id + "\",\"group_id\":\"g\",\"status\":{\"setup_state\":\"" + setupState
				+ "\",\"sync_state\":\"scheduled\"}}";
	}

	static String unique(String prefix) {
		return prefix + "_" + Commands.newId().substring(0, 8);
	}

}
