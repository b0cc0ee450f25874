package dev.ftbridge.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ftbridge.sandbox.SandboxClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SyncLifecycleTest {

	private final List<SandboxEvent> events = new CopyOnWriteArrayList<>();

	private FivetranSandbox sandbox;

	private SandboxClient client;

	private String groupId;

	@BeforeEach
	void start() {
		// timeScale 600: a 5-minute sync takes half a real second
		SandboxSettings settings = SandboxClient.settings()
			.withTimeScale(600)
			.withLifecycle(new SandboxSettings.Lifecycle(Duration.ofMinutes(5), Duration.ofMinutes(3)));
		this.sandbox = FivetranSandbox.start(settings).addListener(this.events::add);
		this.client = new SandboxClient(this.sandbox);
		this.groupId = this.sandbox.state().addGroup("warehouse").id();
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
	}

	@Test
	void syncRunsFromScheduledThroughSyncingToSucceeded() throws Exception {
		String id = this.sandbox.state().addConnection(this.groupId, "postgres", "pg");
		Reply triggered = this.client.post("/v1/connections/" + id + "/sync", "{\"force\":false}");
		assertThat(triggered.body().path("message").asString())
			.isEqualTo("Sync has been successfully triggered for connection with id '" + id + "'");
		assertThat(status(id).path("sync_state").asString()).isEqualTo("syncing");
		await().atMost(Duration.ofSeconds(5)).until(() -> details(id).path("succeeded_at").isString());
		assertThat(status(id).path("sync_state").asString()).isEqualTo("scheduled");
		assertThat(status(id).path("is_historical_sync").asBoolean()).isFalse();
		assertThat(this.events).extracting(SandboxEvent::type)
			.containsExactly("force_update_connector", "sync_start", "sync_end");
		SandboxEvent end = this.events.get(2);
		assertThat(end.data().path("status").asString()).isEqualTo("SUCCESSFUL");
		assertThat(end.syncId()).isNotNull().isEqualTo(this.events.get(1).syncId());
		assertThat(end.connectionName()).isEqualTo("pg");
		assertThat(end.groupId()).isEqualTo(this.groupId);
	}

	@Test
	void resyncWhileSyncingIsAConflictAndATriggerWithoutForceStartsNoSecondSync() throws Exception {
		String id = this.sandbox.state().addConnection(this.groupId, "postgres", "pg");
		this.client.post("/v1/connections/" + id + "/sync", "{}");
		this.client.post("/v1/connections/" + id + "/sync", "{\"force\":false}");
		Reply resync = this.client.post("/v1/connections/" + id + "/resync", "{}");
		assertThat(resync.status()).isEqualTo(409);
		assertThat(resync.code()).isEqualTo("Conflict");
		await().atMost(Duration.ofSeconds(5)).until(() -> !"syncing".equals(status(id).path("sync_state").asString()));
		assertThat(this.events).extracting(SandboxEvent::type).filteredOn("sync_start"::equals).hasSize(1);
		Reply later = this.client.post("/v1/connections/" + id + "/resync", "{\"scope\":{\"public\":[\"orders\"]}}");
		assertThat(later.status()).isEqualTo(200);
		assertThat(status(id).path("is_historical_sync").asBoolean()).isTrue();
	}

	@Test
	void forcedSyncRestartsTheRunningOne() throws Exception {
		String id = this.sandbox.state().addConnection(this.groupId, "postgres", "pg");
		this.client.post("/v1/connections/" + id + "/sync", "{}");
		this.client.post("/v1/connections/" + id + "/sync", "{\"force\":true}");
		await().atMost(Duration.ofSeconds(5)).until(() -> details(id).path("succeeded_at").isString());
		assertThat(this.events).extracting(SandboxEvent::type).filteredOn("sync_start"::equals).hasSize(2);
		assertThat(this.events).extracting(SandboxEvent::type).filteredOn("sync_end"::equals).hasSize(1);
	}

	@Test
	void brokenConnectionFailsItsSyncWithATask() throws Exception {
		Reply created = this.client.post("/v1/connections", """
				{"group_id":"%s","service":"postgres","config":{"schema":"pg","sandbox_setup":"fail"}}"""
			.formatted(this.groupId));
		String id = created.data().path("id").asString();
		this.client.post("/v1/connections/" + id + "/sync", "{}");
		await().atMost(Duration.ofSeconds(5)).until(() -> details(id).path("failed_at").isString());
		assertThat(details(id).path("succeeded_at").isNull()).isTrue();
		SandboxEvent end = this.events.stream().filter((event) -> "sync_end".equals(event.type())).findFirst().get();
		assertThat(end.data().path("status").asString()).isEqualTo("FAILURE_WITH_TASK");
	}

	@Test
	void pausedConnectionDoesNotSync() throws Exception {
		String id = this.sandbox.state().addConnection(this.groupId, "postgres", "pg");
		this.client.patch("/v1/connections/" + id, "{\"paused\":true,\"run_setup_tests\":false}");
		assertThat(this.client.post("/v1/connections/" + id + "/sync", "{}").status()).isEqualTo(200);
		assertThat(status(id).path("sync_state").asString()).isEqualTo("paused");
		assertThat(this.events).extracting(SandboxEvent::type).doesNotContain("sync_start").contains("pause_connector");
	}

	@Test
	void transformationRunEndsSucceededOrFailedAsScripted() throws Exception {
		String ok = this.sandbox.state().addTransformation(Json.object());
		String bad = this.sandbox.state().addTransformation(Json.object().put("sandbox_run", "fail"));
		this.client.post("/v1/transformations/" + ok + "/run", "{}");
		this.client.post("/v1/transformations/" + bad + "/run", "{}");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.client.get("/v1/transformations/" + bad).data().path("last_ended_at").isString());
		await().atMost(Duration.ofSeconds(5))
			.until(() -> "SUCCEEDED"
				.equals(this.client.get("/v1/transformations/" + ok).data().path("status").asString()));
		assertThat(this.client.get("/v1/transformations/" + bad).data().path("status").asString()).isEqualTo("FAILED");
		assertThat(this.events).extracting(SandboxEvent::type)
			.contains("transformation_run_start", "transformation_run_succeeded", "transformation_run_failed");
	}

	private JsonNode details(String id) throws Exception {
		return this.client.get("/v1/connections/" + id).data();
	}

	private JsonNode status(String id) throws Exception {
		return details(id).path("status");
	}

}
