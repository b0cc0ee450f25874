package dev.ftbridge.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.ftbridge.sandbox.SandboxClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

class AccountResourcesTest {

	private FivetranSandbox sandbox;

	private SandboxClient client;

	private final WebhookReceiver receiver = new WebhookReceiver();

	@BeforeEach
	void start() {
		this.sandbox = FivetranSandbox.start(SandboxClient.settings());
		this.client = new SandboxClient(this.sandbox);
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
		this.receiver.close();
	}

	@Test
	void groupsAreCreatedWith201ListedAndUniqueByName() throws Exception {
		Reply created = this.client.post("/v1/groups", "{\"name\":\"analytics\"}");
		assertThat(created.status()).isEqualTo(201);
		String id = created.data().path("id").asString();
		assertThat(this.client.get("/v1/groups/" + id).data().path("name").asString()).isEqualTo("analytics");
		assertThat(this.client.get("/v1/groups").data().path("items")).hasSize(1);
		assertThat(this.client.post("/v1/groups", "{\"name\":\"analytics\"}").status()).isEqualTo(409);
		assertThat(this.client.post("/v1/groups", "{}").status()).isEqualTo(400);
	}

	@Test
	void webhooksAnswer200WithTheSecretMaskedButKeepItForSigning() throws Exception {
		String groupId = this.sandbox.state().addGroup("warehouse").id();
		Reply account = this.client.post("/v1/webhooks/account", """
				{"url":"%s","events":["sync_start","sync_end"],"secret":"s3cret"}""".formatted(this.receiver.url()));
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.data().path("type").asString()).isEqualTo("account");
		assertThat(account.data().path("secret").asString()).isEqualTo("******");
		assertThat(account.data().path("active").asBoolean()).isTrue();
		Reply group = this.client.post("/v1/webhooks/group/" + groupId,
				"{\"url\":\"" + this.receiver.url() + "\",\"events\":[\"sync_end\"]}");
		assertThat(group.status()).isEqualTo(200);
		assertThat(group.data().path("group_id").asString()).isEqualTo(groupId);
		assertThat(this.sandbox.state().webhooks()).extracting(WebhookRegistration::secret)
			.containsExactly("s3cret", null);
		assertThat(this.sandbox.state().webhooks().get(1).wants("sync_end", groupId)).isTrue();
		assertThat(this.sandbox.state().webhooks().get(1).wants("sync_end", "other")).isFalse();
		assertThat(this.client.get("/v1/webhooks").data().path("items")).hasSize(2);
		String id = account.data().path("id").asString();
		assertThat(this.client.delete("/v1/webhooks/" + id).status()).isEqualTo(200);
		assertThat(this.client.get("/v1/webhooks/" + id).status()).isEqualTo(404);
		assertThat(this.client.post("/v1/webhooks/account", "{\"url\":\"http://hooks.example.com\",\"events\":[\"x\"]}")
			.status()).as("plain HTTP off loopback").isEqualTo(400);
		assertThat(this.client.post("/v1/webhooks/account", "{\"url\":\"https://hooks.example.com\"}").status())
			.isEqualTo(400);
		assertThat(this.client.post("/v1/webhooks/group/missing", "{\"url\":\"https://h.example\",\"events\":[\"x\"]}")
			.code()).isEqualTo("NotFound_Group");
	}

	@Test
	void transformationsAreCreatedReadAndRun() throws Exception {
		Reply created = this.client.post("/v1/transformations", "{\"type\":\"DBT_CORE\",\"paused\":false}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.data().path("status").asString()).isEqualTo("NEW");
		String id = created.data().path("id").asString();
		Reply run = this.client.post("/v1/transformations/" + id + "/run", "{\"full_refresh\":false}");
		assertThat(run.status()).isEqualTo(200);
		assertThat(run.body().has("data")).isFalse();
		Reply details = this.client.get("/v1/transformations/" + id);
		assertThat(details.data().path("status").asString()).isEqualTo("RUNNING");
		assertThat(details.data().path("last_started_at").isString()).isTrue();
		assertThat(this.client.post("/v1/transformations", "{\"type\":\"SQL\"}").status()).isEqualTo(400);
	}

	@Test
	void aRunningTransformationIsCancelledAndItsScheduledEndIgnored() throws Exception {
		String id = this.sandbox.state().addTransformation(Json.object().put(SandboxTransformation.RUN_HOOK, "hang"));
		assertThat(this.client.post("/v1/transformations/" + id + "/run", "{}").status()).isEqualTo(200);
		assertThat(this.client.get("/v1/transformations/" + id).data().path("status").asString()).isEqualTo("RUNNING");
		Reply cancelled = this.client.post("/v1/transformations/" + id + "/cancel", null);
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.body().path("message").asString()).contains(id).contains("canceled");
		Reply details = this.client.get("/v1/transformations/" + id);
		assertThat(details.data().path("status").asString()).isEqualTo("CANCELED");
		assertThat(details.data().path("last_ended_at").isString()).isTrue();
		assertThat(this.client.post("/v1/transformations/" + id + "/cancel", null).status())
			.as("nothing left to cancel")
			.isEqualTo(200);
		assertThat(this.client.get("/v1/transformations/" + id).data().path("status").asString()).isEqualTo("CANCELED");
		assertThat(this.client.post("/v1/transformations/missing/cancel", null).status()).isEqualTo(404);
	}

	@Test
	void aConnectCardCarriesAFreshTokenInItsUri() throws Exception {
		String group = this.sandbox.state().addGroup("cards").id();
		String connection = this.sandbox.state().addConnection(group, "postgres", "pg_cards");
		String body = "{\"connect_card_config\":{\"redirect_uri\":\"https://portal.example/done?x=1\"}}";
		Reply first = this.client.post("/v1/connections/" + connection + "/connect-card", body);
		Reply second = this.client.post("/v1/connections/" + connection + "/connect-card", body);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.data().path("connector_id").asString()).isEqualTo(connection);
		String token = first.data().at("/connect_card/token").asString();
		assertThat(first.data().at("/connect_card/uri").asString()).contains("auth=" + token)
			.contains("redirect_uri=https%3A%2F%2Fportal.example%2Fdone%3Fx%3D1");
		assertThat(second.data().at("/connect_card/token").asString()).isNotEqualTo(token);
		assertThat(this.client.post("/v1/connections/" + connection + "/connect-card", "{}").status()).isEqualTo(400);
		assertThat(this.client
			.post("/v1/connections/" + connection + "/connect-card",
					"{\"connect_card_config\":{\"redirect_uri\":\"portal\"}}")
			.status()).isEqualTo(400);
		assertThat(this.client.post("/v1/connections/missing/connect-card", body).status()).isEqualTo(404);
	}

	@Test
	void aCreateWithConnectCardConfigAnswersWithACard() throws Exception {
		String group = this.sandbox.state().addGroup("created_cards").id();
		Reply created = this.client.post("/v1/connections", """
				{"group_id":"%s","service":"postgres","config":{"schema":"pg_card"},"run_setup_tests":false,
				 "connect_card_config":{"redirect_uri":"https://portal.example/done"}}""".formatted(group));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.data().at("/connect_card/uri").asString())
			.contains("auth=" + created.data().at("/connect_card/token").asString());
		assertThat(created.data().at("/connect_card_config/redirect_uri").asString())
			.isEqualTo("https://portal.example/done");
	}

}
