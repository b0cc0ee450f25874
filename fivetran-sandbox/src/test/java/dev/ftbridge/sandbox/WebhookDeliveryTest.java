package dev.ftbridge.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ftbridge.sandbox.SandboxClient.Reply;
import dev.ftbridge.sandbox.WebhookReceiver.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What reaches a webhook when things happen, and how it is signed. */
class WebhookDeliveryTest {

	private static final String SECRET = "whsec_test";

	private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

	private final WebhookReceiver receiver = new WebhookReceiver();

	private final List<SandboxEvent> heard = new CopyOnWriteArrayList<>();

	private FivetranSandbox sandbox;

	private SandboxClient client;

	private String groupId;

	@BeforeEach
	void start() {
		// 5-minute syncs take 100 ms
		SandboxSettings settings = SandboxClient.settings()
			.withTimeScale(3000)
			.withLifecycle(new SandboxSettings.Lifecycle(Duration.ofMinutes(5), Duration.ofMinutes(2)))
			.withWebhook(this.receiver.uri(), SECRET);
		this.sandbox = FivetranSandbox.start(settings).addListener(this.heard::add);
		this.client = new SandboxClient(this.sandbox);
		this.groupId = this.sandbox.state().addGroup("warehouse").id();
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
		this.receiver.close();
	}

	@Test
	void syncDeliversSignedStartAndEndWithOneSyncIdInThatOrder() throws Exception {
		String id = this.sandbox.state().addConnection(this.groupId, "postgres", "pg_sales");
		this.client.post("/v1/connections/" + id + "/sync", "{}");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.receiver.events("sync_end").size() == 1);
		assertThat(this.receiver.eventTypes()).containsExactly("force_update_connector", "sync_start", "sync_end");
		Received start = this.receiver.events("sync_start").get(0);
		Received end = this.receiver.events("sync_end").get(0);
		assertThat(end.fieldNames()).containsExactly("event", "created", "connector_type", "connector_id",
				"connector_name", "sync_id", "destination_group_id", "data");
		JsonNode payload = end.json();
		assertThat(payload.path("connector_type").asString()).isEqualTo("postgres");
		assertThat(payload.path("connector_id").asString()).isEqualTo(id);
		assertThat(payload.path("connector_name").asString()).isEqualTo("pg_sales");
		assertThat(payload.path("destination_group_id").asString()).isEqualTo(this.groupId);
		assertThat(payload.path("created").asString()).matches(TIMESTAMP);
		assertThat(payload.path("data").toString()).isEqualTo("{\"status\":\"SUCCESSFUL\"}");
		String syncId = payload.path("sync_id").asString();
		assertThat(UUID.fromString(syncId)).hasToString(syncId);
		assertThat(start.json().path("sync_id").asString()).isEqualTo(syncId);
		assertThat(start.json().path("created").asString()).isLessThan(payload.path("created").asString());
		assertThat(details(id).path("succeeded_at").asString()).isEqualTo(payload.path("created").asString());
		for (Received request : this.receiver.received()) {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.header("Content-Type")).isEqualTo("application/json");
			assertThat(request.header("X-Fivetran-Signature-256")).matches("[0-9A-F]{64}")
				.isEqualTo(WebhookReceiver.hmacSha256UpperHex(SECRET, request.body()));
		}
	}

	@Test
	void deliveryLogRecordsEachAttemptAndIsServedOverHttp() throws Exception {
		String id = this.sandbox.state().addConnection(this.groupId, "postgres", "pg");
		this.client.post("/v1/connections/" + id + "/sync", "{}");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sandbox.deliveries().forEvent("sync_end").size() == 1);
		DeliveryAttempt attempt = this.sandbox.deliveries().forEvent("sync_end").get(0);
		assertThat(attempt.targetId()).isEqualTo("settings_1");
		assertThat(attempt.url()).isEqualTo(this.receiver.url());
		assertThat(attempt.attempt()).isEqualTo(1);
		assertThat(attempt.status()).isEqualTo(200);
		assertThat(attempt.connectionId()).isEqualTo(id);
		assertThat(attempt.body()).isEqualTo(this.receiver.events("sync_end").get(0).text());
		Reply served = this.client.get("/sandbox/deliveries?event=sync_end&connection_id=" + id);
		assertThat(served.data().path("items")).hasSize(1);
		JsonNode item = served.data().path("items").get(0);
		assertThat(item.path("status").asInt()).isEqualTo(200);
		assertThat(item.path("sync_id").asString()).isEqualTo(attempt.syncId());
		assertThat(item.path("target_id").asString()).isEqualTo("settings_1");
		assertThat(this.client.get("/sandbox/deliveries?event=none").data().path("items")).isEmpty();
	}

	@Test
	void unsignedWithoutASecret() throws Exception {
		try (WebhookReceiver plain = new WebhookReceiver()) {
			register("/v1/webhooks/account", plain, "[\"sync_start\"]", null);
			String id = this.sandbox.state().addConnection(this.groupId, "postgres", "pg");
			this.client.post("/v1/connections/" + id + "/sync", "{}");
			await().atMost(Duration.ofSeconds(5)).until(() -> plain.events("sync_start").size() == 1);
			assertThat(plain.events("sync_start").get(0).header("X-Fivetran-Signature-256")).isNull();
			assertThat(plain.events("sync_start").get(0).header("Content-Type")).isEqualTo("application/json");
		}
	}

	@Test
	void groupWebhookGetsOnlyItsGroupsSubscribedEventsWhileAccountWebhookGetsEveryGroup() throws Exception {
		String otherGroup = this.sandbox.state().addGroup("lake").id();
		String inGroup = this.sandbox.state().addConnection(this.groupId, "postgres", "pg");
		String elsewhere = this.sandbox.state().addConnection(otherGroup, "mysql", "my");
		try (WebhookReceiver account = new WebhookReceiver(); WebhookReceiver group = new WebhookReceiver()) {
			register("/v1/webhooks/account", account, "[\"sync_start\",\"sync_end\"]", "a");
			register("/v1/webhooks/group/" + this.groupId, group, "[\"sync_end\"]", "g");
			this.client.post("/v1/connections/" + elsewhere + "/sync", "{}");
			await().atMost(Duration.ofSeconds(5)).until(() -> account.events("sync_end").size() == 1);
			this.client.post("/v1/connections/" + inGroup + "/sync", "{}");
			// each target's deliveries arrive in order: had the other group's sync_end
			// been
			// sent to the group webhook, it would have come before this one
			await().atMost(Duration.ofSeconds(5)).until(() -> group.events("sync_end").size() == 1);
			await().atMost(Duration.ofSeconds(5)).until(() -> account.events("sync_end").size() == 2);
			assertThat(group.eventTypes()).containsExactly("test_event", "sync_end");
			assertThat(group.events("sync_end").get(0).json().path("connector_id").asString()).isEqualTo(inGroup);
			assertThat(account.eventTypes()).containsExactly("test_event", "sync_start", "sync_end", "sync_start",
					"sync_end");
			assertThat(account.events("sync_end"))
				.extracting((request) -> request.json().path("connector_id").asString())
				.containsExactly(elsewhere, inGroup);
			assertThat(group.events("sync_end").get(0).header("X-Fivetran-Signature-256"))
				.isEqualTo(WebhookReceiver.hmacSha256UpperHex("g", group.events("sync_end").get(0).body()));
		}
	}

	@Test
	void connectionLifecycleEventsAreDeliveredInOrderWithoutSyncId() throws Exception {
		Reply created = this.client.post("/v1/connections",
				"{\"group_id\":\"%s\",\"service\":\"postgres\",\"config\":{\"schema\":\"pg\"}}"
					.formatted(this.groupId));
		String id = created.data().path("id").asString();
		this.sandbox.script(id, SyncScript.neverEnds());
		String base = "/v1/connections/" + id;
		this.client.patch(base, "{\"paused\":true,\"run_setup_tests\":false}");
		this.client.patch(base, "{\"paused\":false,\"run_setup_tests\":false}");
		this.client.patch(base, "{\"sync_frequency\":60,\"run_setup_tests\":false}");
		this.client.post(base + "/resync", "{}");
		this.client.post(base + "/sync", "{}");
		this.client.post(base + "/schemas/tables/resync", "{\"public\":[\"orders\"]}");
		this.client.delete(base);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.receiver.events("delete_connector").size() == 1);
		assertThat(this.receiver.eventTypes()).containsExactly("create_connector", "connection_successful",
				"pause_connector", "resume_connector", "edit_connector", "resync_connector", "sync_start",
				"force_update_connector", "resync_table", "delete_connector");
		Received pause = this.receiver.events("pause_connector").get(0);
		assertThat(pause.fieldNames()).containsExactly("event", "created", "connector_type", "connector_id",
				"connector_name", "destination_group_id", "data");
		assertThat(pause.json().path("connector_id").asString()).isEqualTo(id);
		assertThat(pause.json().path("data").isEmpty()).isTrue();
	}

	@Test
	void transformationRunEventsCarryTheTransformationIdAndItsStatus() throws Exception {
		String ok = this.sandbox.state().addTransformation(Json.object());
		String bad = this.sandbox.state().addTransformation(Json.object().put("sandbox_run", "fail"));
		this.client.post("/v1/transformations/" + ok + "/run", "{}");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.receiver.events("transformation_run_succeeded").size() == 1);
		this.client.post("/v1/transformations/" + bad + "/run", "{}");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.receiver.events("transformation_run_failed").size() == 1);
		assertThat(this.receiver.eventTypes()).containsExactly("transformation_run_start",
				"transformation_run_succeeded", "transformation_run_start", "transformation_run_failed");
		Received start = this.receiver.events("transformation_run_start").get(0);
		Received succeeded = this.receiver.events("transformation_run_succeeded").get(0);
		Received failed = this.receiver.events("transformation_run_failed").get(0);
		assertThat(start.fieldNames()).containsExactly("event", "created", "transformation_id", "data");
		assertThat(start.json().path("transformation_id").asString()).isEqualTo(ok);
		assertThat(start.json().path("data").path("status").asString()).isEqualTo("RUNNING");
		assertThat(succeeded.json().path("data").path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(failed.json().path("transformation_id").asString()).isEqualTo(bad);
		assertThat(failed.json().path("data").path("status").asString()).isEqualTo("FAILED");
		assertThat(failed.json().path("data").path("reason").asString()).contains("sandbox_run");
		JsonNode details = this.client.get("/v1/transformations/" + ok).data();
		assertThat(start.json().path("created").asString()).isEqualTo(details.path("last_started_at").asString());
		assertThat(succeeded.json().path("created").asString()).isEqualTo(details.path("last_ended_at").asString());
		assertThat(failed.header("X-Fivetran-Signature-256"))
			.isEqualTo(WebhookReceiver.hmacSha256UpperHex(SECRET, failed.body()));
	}

	@Test
	void switchedOffNothingIsDeliveredButTheStateStillChanges() throws Exception {
		String id = this.sandbox.state().addConnection(this.groupId, "postgres", "pg");
		this.sandbox.webhooks().enabled(false);
		this.client.post("/v1/connections/" + id + "/sync", "{}");
		await().atMost(Duration.ofSeconds(5)).until(() -> details(id).path("succeeded_at").isString());
		// listeners run in order and the delivery's is first: it has decided by now
		await().atMost(Duration.ofSeconds(5)).until(() -> heard("sync_end") == 1);
		assertThat(this.receiver.received()).isEmpty();
		assertThat(this.sandbox.deliveries().attempts()).isEmpty();
		assertThat(this.client.get("/sandbox/webhooks").data().path("enabled").asBoolean()).isFalse();

		assertThat(this.client.post("/sandbox/webhooks", "{\"enabled\":true}").data().path("enabled").asBoolean())
			.isTrue();
		this.client.post("/v1/connections/" + id + "/sync", "{}");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.receiver.events("sync_end").size() == 1);
		assertThat(this.receiver.eventTypes()).containsExactly("force_update_connector", "sync_start", "sync_end");
	}

	@Test
	void webhooksCanStartSwitchedOff() throws Exception {
		try (FivetranSandbox quiet = FivetranSandbox
			.start(SandboxClient.settings().withWebhook(this.receiver.uri(), null).withWebhooksEnabled(false))) {
			assertThat(quiet.webhooks().isEnabled()).isFalse();
			assertThat(new SandboxClient(quiet).get("/sandbox/webhooks")
				.data()
				.path("targets")
				.get(0)
				.path("url")
				.asString()).isEqualTo(this.receiver.url());
			quiet.webhooks().enabled(true);
			quiet.reset();
			assertThat(quiet.webhooks().isEnabled()).as("reset goes back to the settings").isFalse();
		}
	}

	private long heard(String type) {
		return this.heard.stream().filter((event) -> type.equals(event.type())).count();
	}

	private void register(String path, WebhookReceiver target, String events, String secret) throws Exception {
		String secretField = (secret != null) ? ",\"secret\":\"" + secret + "\"" : "";
		Reply reply = this.client.post(path,
				"{\"url\":\"" + target.url() + "\",\"events\":" + events + secretField + "}");
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
	}

	private JsonNode details(String id) throws Exception {
		return this.client.get("/v1/connections/" + id).data();
	}

}
