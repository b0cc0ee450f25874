package dev.ftbridge.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ftbridge.sandbox.SandboxClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionApiTest {

	private FivetranSandbox sandbox;

	private SandboxClient client;

	private String groupId;

	@BeforeEach
	void start() {
		this.sandbox = FivetranSandbox.start(SandboxClient.settings());
		this.client = new SandboxClient(this.sandbox);
		this.groupId = this.sandbox.state().addGroup("warehouse").id();
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
	}

	@Test
	void createDetailsPauseResumeDelete() throws Exception {
		Reply created = this.client.post("/v1/connections", """
				{"group_id":"%s","service":"postgres","sync_frequency":60,"schedule_type":"manual",
				 "config":{"schema":"pg_sales","host":"db.internal","password":"hunter2"}}""".formatted(this.groupId));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.code()).isEqualTo("Success");
		JsonNode connection = created.data();
		String id = connection.path("id").asString();
		assertThat(connection.path("group_id").asString()).isEqualTo(this.groupId);
		assertThat(connection.path("schema").asString()).isEqualTo("pg_sales");
		assertThat(connection.path("sync_frequency").asInt()).isEqualTo(60);
		assertThat(connection.path("schedule_type").asString()).isEqualTo("manual");
		assertThat(connection.path("status").path("setup_state").asString()).isEqualTo("connected");
		assertThat(connection.path("setup_tests").valueStream().map((test) -> test.path("status").asString()))
			.containsOnly("PASSED");
		assertThat(connection.path("config").path("password").asString()).isEqualTo("******");
		assertThat(connection.path("config").path("host").asString()).isEqualTo("db.internal");
		assertThat(connection.path("succeeded_at").isNull()).isTrue();

		Reply details = this.client.get("/v1/connections/" + id);
		assertThat(details.status()).isEqualTo(200);
		assertThat(details.data().path("status").path("sync_state").asString()).isEqualTo("scheduled");

		Reply paused = this.client.patch("/v1/connections/" + id, "{\"paused\":true,\"run_setup_tests\":false}");
		assertThat(paused.data().path("paused").asBoolean()).isTrue();
		assertThat(paused.data().path("status").path("sync_state").asString()).isEqualTo("paused");
		Reply resumed = this.client.patch("/v1/connections/" + id, "{\"paused\":false,\"run_setup_tests\":false}");
		assertThat(resumed.data().path("paused").asBoolean()).isFalse();
		assertThat(resumed.data().path("status").path("sync_state").asString()).isEqualTo("scheduled");

		Reply deleted = this.client.delete("/v1/connections/" + id);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.body().has("data")).isFalse();
		assertThat(this.client.get("/v1/connections/" + id).code()).isEqualTo("NotFound_Connection");
	}

	@Test
	void scriptedSetupFailureLeavesTheConnectionBrokenUntilTheConfigIsFixed() throws Exception {
		Reply created = this.client.post("/v1/connections", """
				{"group_id":"%s","service":"postgres","config":{"schema":"pg","sandbox_setup":"fail"}}"""
			.formatted(this.groupId));
		String id = created.data().path("id").asString();
		assertThat(created.data().path("status").path("setup_state").asString()).isEqualTo("broken");
		assertThat(created.data().path("setup_tests").valueStream().map((test) -> test.path("status").asString()))
			.contains("FAILED");
		assertThat(created.data().path("status").path("tasks").get(0).path("code").asString()).isEqualTo("reconnect");
		Reply fixed = this.client.patch("/v1/connections/" + id, "{\"config\":{\"sandbox_setup\":\"pass\"}}");
		assertThat(fixed.data().path("status").path("setup_state").asString()).isEqualTo("connected");
		Reply tested = this.client.post("/v1/connections/" + id + "/test", "{}");
		assertThat(tested.status()).isEqualTo(200);
		assertThat(tested.data().path("setup_tests")).isNotEmpty();
	}

	@Test
	void createWithoutSetupTestsLeavesSetupIncomplete() throws Exception {
		Reply created = this.client.post("/v1/connections", """
				{"group_id":"%s","service":"postgres","run_setup_tests":false,"config":{"schema_prefix":"pg"}}"""
			.formatted(this.groupId));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.data().path("schema").asString()).isEqualTo("pg");
		assertThat(created.data().path("status").path("setup_state").asString()).isEqualTo("incomplete");
		assertThat(created.data().path("setup_tests")).isEmpty();
	}

	@Test
	void unknownIdsAre404WithTheTypeInTheCode() throws Exception {
		assertThat(this.client.get("/v1/connections/missing").code()).isEqualTo("NotFound_Connection");
		assertThat(this.client.patch("/v1/connections/missing", "{\"paused\":true}").status()).isEqualTo(404);
		assertThat(this.client.delete("/v1/connections/missing").status()).isEqualTo(404);
		assertThat(this.client.post("/v1/connections/missing/sync", "{}").status()).isEqualTo(404);
		assertThat(this.client.post("/v1/connections/missing/resync", "{}").status()).isEqualTo(404);
		assertThat(this.client.post("/v1/connections/missing/test", "{}").status()).isEqualTo(404);
		assertThat(this.client.get("/v1/connections/missing/schemas").status()).isEqualTo(404);
		assertThat(this.client.get("/v1/groups/missing").code()).isEqualTo("NotFound_Group");
		assertThat(this.client.get("/v1/groups/missing/connections").code()).isEqualTo("NotFound_Group");
		assertThat(this.client.get("/v1/transformations/missing").code()).isEqualTo("NotFound_Transformation");
		assertThat(this.client.post("/v1/transformations/missing/run", "{}").status()).isEqualTo(404);
		assertThat(this.client.delete("/v1/webhooks/missing").code()).isEqualTo("NotFound_Webhook");
		Reply unknownGroup = this.client.post("/v1/connections",
				"{\"group_id\":\"missing\",\"service\":\"postgres\",\"config\":{\"schema\":\"x\"}}");
		assertThat(unknownGroup.code()).isEqualTo("NotFound_Group");
		assertThat(unknownGroup.body().path("message").asString()).contains("missing");
	}

	@Test
	void invalidInputIs400AndChangesNothing() throws Exception {
		String id = this.sandbox.state().addConnection(this.groupId, "postgres", "pg");
		Reply noGroup = this.client.post("/v1/connections", "{\"service\":\"postgres\",\"config\":{\"schema\":\"x\"}}");
		assertThat(noGroup.status()).isEqualTo(400);
		assertThat(noGroup.code()).isEqualTo("InvalidInput");
		assertThat(noGroup.body().path("message").asString()).isEqualTo("Field 'group_id' is required");
		Reply noService = this.client.post("/v1/connections",
				"{\"group_id\":\"" + this.groupId + "\",\"config\":{\"schema\":\"x\"}}");
		assertThat(noService.body().path("message").asString()).isEqualTo("Field 'service' is required");
		assertThat(status("POST", "/v1/connections/" + id + "/resync", "{\"scope\":{}}")).isEqualTo(400);
		assertThat(status("POST", "/v1/connections/" + id + "/resync", "{\"scope\":{\"public\":[]}}")).isEqualTo(400);
		assertThat(status("POST", "/v1/connections/" + id + "/schemas/tables/resync", "{}")).isEqualTo(400);
		assertThat(status("POST", "/v1/connections/" + id + "/schemas/reload", "{\"exclude_mode\":\"NOPE\"}"))
			.isEqualTo(400);
		assertThat(status("POST", "/v1/connections/" + id + "/test", null)).as("no body at all").isEqualTo(400);
		assertThat(status("POST", "/v1/connections/" + id + "/sync", "{not json")).isEqualTo(400);
		assertThat(status("PATCH", "/v1/connections/" + id, "{\"paused\":true,\"sync_frequency\":7}")).isEqualTo(400);
		assertThat(this.client.get("/v1/connections/" + id).data().path("paused").asBoolean()).isFalse();
	}

	@Test
	void secondConnectionWithTheSameSchemaInAGroupIsAConflict() throws Exception {
		String body = "{\"group_id\":\"" + this.groupId + "\",\"service\":\"postgres\",\"config\":{\"schema\":\"pg\"}}";
		assertThat(this.client.post("/v1/connections", body).status()).isEqualTo(201);
		Reply again = this.client.post("/v1/connections", body);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("Conflict");
	}

	@Test
	void listsFollowCursorsOverSeveralPagesAndFilterBySchema() throws Exception {
		for (int i = 0; i < 7; i++) {
			this.sandbox.state().addConnection(this.groupId, "postgres", "pg_" + i);
		}
		String other = this.sandbox.state().addGroup("other").id();
		this.sandbox.state().addConnection(other, "postgres", "elsewhere");
		for (String first : new String[] { "/v1/groups/" + this.groupId + "/connections?limit=3",
				"/v1/connections?group_id=" + this.groupId + "&limit=3" }) {
			Reply page = this.client.get(first);
			StringBuilder schemas = new StringBuilder();
			int pages = 0;
			while (true) {
				pages++;
				page.data().path("items").forEach((item) -> schemas.append(item.path("schema").asString()).append(' '));
				if (!page.data().has("next_cursor")) {
					break;
				}
				page = this.client.get(first + "&cursor=" + page.data().path("next_cursor").asString());
			}
			assertThat(pages).isEqualTo(3);
			assertThat(schemas.toString().trim()).isEqualTo("pg_0 pg_1 pg_2 pg_3 pg_4 pg_5 pg_6");
		}
		Reply bySchema = this.client.get("/v1/groups/" + this.groupId + "/connections?schema=pg_4");
		assertThat(bySchema.data().path("items")).hasSize(1);
		assertThat(bySchema.data().has("next_cursor")).isFalse();
		assertThat(this.client.get("/v1/connections").data().path("items")).hasSize(8);
		assertThat(status("GET", "/v1/connections?limit=0", null)).isEqualTo(400);
		assertThat(status("GET", "/v1/connections?limit=1001", null)).isEqualTo(400);
		assertThat(status("GET", "/v1/connections?cursor=garbage", null)).isEqualTo(400);
	}

	private int status(String method, String path, String body) throws Exception {
		return this.client.send(method, path, body).status();
	}

}
