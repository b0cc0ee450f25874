package dev.ftbridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ftbridge.sandbox.SandboxClient.Reply;
import dev.ftbridge.sandbox.WebhookReceiver.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import dev.ftbridge.support.MutableClock;

/**
 * Scripted sync outcomes, as webhooks and as connection details: what a client polling
 * details sees right after each event must tell the same story as the event.
 */
class ScriptedSyncTest {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final WebhookReceiver receiver = new WebhookReceiver();

	/** Each event with the connection's details taken right after it happened. */
	private final List<Seen> seen = new CopyOnWriteArrayList<>();

	private FivetranSandbox sandbox;

	private SandboxClient client;

	private String groupId;

	@BeforeEach
	void start() {
		// 5-minute syncs take 100 real ms
		start(new FivetranSandbox(SandboxClient.settings()
			.withTimeScale(3000)
			.withLifecycle(new SandboxSettings.Lifecycle(Duration.ofMinutes(5), Duration.ofMinutes(2)))
			.withWebhook(this.receiver.uri(), "s")));
	}

	private void start(FivetranSandbox started) {
		if (this.sandbox != null) {
			this.sandbox.close();
		}
		this.seen.clear();
		this.sandbox = started.start();
		this.sandbox.addListener((event) -> this.seen
			.add(new Seen(event, this.sandbox.state().connectionDetails(event.connectionId()).orElse(null))));
		this.client = new SandboxClient(this.sandbox);
		this.groupId = this.sandbox.state().addGroup("warehouse").id();
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
		this.receiver.close();
	}

	@Test
	void failureWithTaskSetsFailedAtAndTheTaskUntilASyncSucceeds() throws Exception {
		String id = connection();
		this.sandbox.script(id, SyncScript.failureWithTask("Credentials expired", "reconnect"));
		sync(id);
		await().atMost(WAIT).until(() -> ends(id).size() == 1);
		JsonNode data = ends(id).get(0).json().path("data");
		assertThat(data.path("status").asString()).isEqualTo("FAILURE_WITH_TASK");
		assertThat(data.path("reason").asString()).isEqualTo("Credentials expired");
		assertThat(data.path("taskType").asString()).isEqualTo("reconnect");
		JsonNode failed = details(id);
		assertThat(failed.path("failed_at").asString()).isEqualTo(ends(id).get(0).json().path("created").asString());
		assertThat(failed.path("succeeded_at").isNull()).isTrue();
		assertThat(failed.path("status").path("tasks").findValuesAsString("code")).containsExactly("reconnect");

		sync(id);
		await().atMost(WAIT).until(() -> ends(id).size() == 2);
		assertThat(ends(id).get(1).json().path("data").path("status").asString()).isEqualTo("SUCCESSFUL");
		JsonNode recovered = details(id);
		assertThat(recovered.path("status").path("tasks")).isEmpty();
		assertThat(instant(recovered, "succeeded_at")).isAfter(instant(recovered, "failed_at"));
		assertEveryEventMatchesTheDetailsOfItsMoment();
	}

	@Test
	void failedSyncIsRetriedWithinTheSameSyncAndThenSucceeds() throws Exception {
		String id = connection();
		this.sandbox.script(id, SyncScript.failedThenSuccessful("Connection reset by source", Duration.ofMinutes(10)));
		sync(id);
		await().atMost(WAIT).until(() -> ends(id).size() == 2);
		assertThat(this.receiver.eventTypes()).containsExactly("force_update_connector", "sync_start", "sync_end",
				"sync_end");
		JsonNode failedEnd = ends(id).get(0).json();
		JsonNode succeededEnd = ends(id).get(1).json();
		assertThat(failedEnd.path("data").path("status").asString()).isEqualTo("FAILED");
		assertThat(failedEnd.path("data").path("reason").asString()).isEqualTo("Connection reset by source");
		assertThat(succeededEnd.path("data").path("status").asString()).isEqualTo("SUCCESSFUL");
		String syncId = this.receiver.events("sync_start").get(0).json().path("sync_id").asString();
		assertThat(List.of(failedEnd, succeededEnd)).extracting((end) -> end.path("sync_id").asString())
			.containsOnly(syncId);
		assertThat(Duration.between(Instant.parse(failedEnd.path("created").asString()),
				Instant.parse(succeededEnd.path("created").asString())))
			.isGreaterThanOrEqualTo(Duration.ofMinutes(10));
		Seen whileRetrying = endsSeen().get(0);
		assertThat(whileRetrying.details.path("status").path("sync_state").asString()).isEqualTo("syncing");
		assertThat(whileRetrying.details.path("succeeded_at").isNull()).isTrue();
		JsonNode done = details(id);
		assertThat(done.path("failed_at").asString()).isEqualTo(failedEnd.path("created").asString());
		assertThat(done.path("succeeded_at").asString()).isEqualTo(succeededEnd.path("created").asString());
		assertEveryEventMatchesTheDetailsOfItsMoment();
	}

	@Test
	void outcomesAtTheSameInstantStillLeaveTheNewestOneNewest() throws Exception {
		// sandbox time stands still: without care both outcomes would get the same stamp
		start(new FivetranSandbox(SandboxClient.settings(), new MutableClock()));
		String id = connection();
		this.sandbox.script(id, SyncScript.failedThenSuccessful("blip", Duration.ZERO).lasting(Duration.ZERO),
				SyncScript.failureWithTask("again", "reconnect").lasting(Duration.ZERO));
		sync(id);
		await().atMost(WAIT).until(() -> details(id).path("succeeded_at").isString());
		assertThat(instant(details(id), "succeeded_at")).isAfter(instant(details(id), "failed_at"));
		sync(id);
		await().atMost(WAIT)
			.until(() -> instant(details(id), "failed_at").isAfter(instant(details(id), "succeeded_at")));
		// No per-event snapshot check here: zero-length syncs move on before a listener
		// can look.
	}

	@Test
	void rescheduledAutoConnectionStartsItsNextSyncItselfAtRescheduledFor() throws Exception {
		String id = connection();
		this.sandbox.script(id, SyncScript.rescheduled(Duration.ofMinutes(30)));
		sync(id);
		await().atMost(WAIT).until(() -> ends(id).size() == 2);
		JsonNode rescheduled = ends(id).get(0).json();
		assertThat(rescheduled.path("data").path("status").asString()).isEqualTo("RESCHEDULED");
		Instant due = Instant.parse(rescheduled.path("data").path("rescheduledAt").asString());
		assertThat(due).isEqualTo(Instant.parse(rescheduled.path("created").asString()).plus(Duration.ofMinutes(30)));
		Seen whileWaiting = endsSeen().get(0);
		assertThat(whileWaiting.details.path("status").path("sync_state").asString()).isEqualTo("rescheduled");
		assertThat(whileWaiting.details.path("succeeded_at").isNull()).isTrue();
		List<Received> starts = this.receiver.events("sync_start");
		assertThat(starts).hasSize(2);
		assertThat(Instant.parse(starts.get(1).json().path("created").asString())).isAfterOrEqualTo(due);
		assertThat(starts.get(1).json().path("sync_id").asString())
			.isNotEqualTo(starts.get(0).json().path("sync_id").asString());
		assertThat(ends(id).get(1).json().path("data").path("status").asString()).isEqualTo("SUCCESSFUL");
		assertThat(this.sandbox.requestLog().count("POST", "/v1/connections/{id}/sync")).isEqualTo(1);
		assertEveryEventMatchesTheDetailsOfItsMoment();
	}

	@Test
	void rescheduledManualConnectionWaitsForTheClientToSyncAgain() throws Exception {
		String id = connection();
		this.client.patch("/v1/connections/" + id, "{\"schedule_type\":\"manual\",\"run_setup_tests\":false}");
		this.sandbox.script(id, SyncScript.rescheduled(Duration.ofMinutes(10)));
		sync(id);
		await().atMost(WAIT).until(() -> ends(id).size() == 1);
		Instant due = instant(details(id).path("status"), "rescheduled_for");
		// well past rescheduled_for, an auto connection would have started by now
		await().atMost(WAIT).until(() -> this.sandbox.clock().now().isAfter(due.plus(Duration.ofMinutes(10))));
		assertThat(this.receiver.events("sync_start")).hasSize(1);
		assertThat(details(id).path("status").path("sync_state").asString()).isEqualTo("rescheduled");

		sync(id);
		await().atMost(WAIT).until(() -> ends(id).size() == 2);
		assertThat(this.receiver.events("sync_start")).hasSize(2);
		assertThat(ends(id).get(1).json().path("data").path("status").asString()).isEqualTo("SUCCESSFUL");
		assertThat(details(id).path("status").path("rescheduled_for").isNull()).isTrue();
		assertEveryEventMatchesTheDetailsOfItsMoment();
	}

	@Test
	void neverEndingSyncStaysSyncingUntilAForcedSyncReplacesIt() throws Exception {
		String id = connection();
		this.sandbox.script(id, SyncScript.neverEnds());
		sync(id);
		Instant started = this.sandbox.clock().now();
		await().atMost(WAIT).until(() -> this.sandbox.clock().now().isAfter(started.plus(Duration.ofMinutes(20))));
		assertThat(details(id).path("status").path("sync_state").asString()).isEqualTo("syncing");
		assertThat(this.sandbox.deliveries().forEvent("sync_end")).isEmpty();
		this.client.post("/v1/connections/" + id + "/sync", "{\"force\":true}");
		await().atMost(WAIT).until(() -> ends(id).size() == 1);
		List<Received> starts = this.receiver.events("sync_start");
		assertThat(starts).hasSize(2);
		assertThat(ends(id).get(0).json().path("sync_id").asString())
			.isEqualTo(starts.get(1).json().path("sync_id").asString());
		assertEveryEventMatchesTheDetailsOfItsMoment();
	}

	@Test
	void scriptsAreQueuedOverHttpAndUsedOnePerSync() throws Exception {
		String id = connection();
		Reply queued = this.client.post("/sandbox/scripts", """
				{"connection_id":"%s","scripts":[
				 {"outcome":"FAILURE_WITH_TASK","reason":"Token revoked","taskType":"update_credentials"},
				 {"outcome":"SUCCESSFUL","duration":"PT1M"}]}""".formatted(id));
		assertThat(queued.status()).isEqualTo(200);
		assertThat(queued.data().path("scripts")).hasSize(2);
		sync(id);
		await().atMost(WAIT).until(() -> ends(id).size() == 1);
		assertThat(ends(id).get(0).json().path("data").path("taskType").asString()).isEqualTo("update_credentials");
		assertThat(this.sandbox.scripts(id)).containsExactly(SyncScript.successful().lasting(Duration.ofMinutes(1)));
		assertThat(this.client.get("/sandbox/scripts?connection_id=" + id)
			.data()
			.path("scripts")
			.get(0)
			.path("outcome")
			.asString()).isEqualTo("SUCCESSFUL");
		assertThat(this.client.delete("/sandbox/scripts?connection_id=" + id).data().path("scripts")).isEmpty();
		assertThat(this.client
			.post("/sandbox/scripts",
					"{\"connection_id\":\"%s\",\"scripts\":[{\"outcome\":\"EXPLODES\"}]}".formatted(id))
			.status()).isEqualTo(400);
		assertThat(this.client
			.post("/sandbox/scripts",
					"{\"connection_id\":\"%s\",\"scripts\":[{\"outcome\":\"RESCHEDULED\"}]}".formatted(id))
			.status()).as("a reschedule needs its delay").isEqualTo(400);
		assertThat(this.client
			.post("/sandbox/scripts", "{\"connection_id\":\"missing\",\"scripts\":[{\"outcome\":\"SUCCESSFUL\"}]}")
			.status()).isEqualTo(404);
	}

	/**
	 * The details taken right after each sync event agree with it: a client that polls
	 * sees what a webhook receiver hears.
	 */
	private void assertEveryEventMatchesTheDetailsOfItsMoment() {
		for (Seen moment : this.seen) {
			SandboxEvent event = moment.event;
			JsonNode details = moment.details;
			if (details == null) {
				continue;
			}
			String created = Json.timestamp(event.created());
			String state = details.path("status").path("sync_state").asString();
			if (SandboxEvent.SYNC_START.equals(event.type())) {
				assertThat(state).as("at sync_start").isEqualTo("syncing");
				assertThat(details.path("status").path("rescheduled_for").isNull()).isTrue();
			}
			if (!SandboxEvent.SYNC_END.equals(event.type())) {
				continue;
			}
			ObjectNode data = event.data();
			switch (data.path("status").asString()) {
				case "SUCCESSFUL" -> {
					assertThat(details.path("succeeded_at").asString()).isEqualTo(created);
					assertThat(state).isEqualTo("scheduled");
				}
				case "FAILURE_WITH_TASK" -> {
					assertThat(details.path("failed_at").asString()).isEqualTo(created);
					assertThat(details.path("status").path("tasks").findValuesAsString("code"))
						.contains(data.path("taskType").asString());
					assertThat(state).isEqualTo("scheduled");
				}
				case "FAILED" -> {
					assertThat(details.path("failed_at").asString()).isEqualTo(created);
					assertThat(state).as("Fivetran is retrying").isEqualTo("syncing");
				}
				case "RESCHEDULED" -> {
					assertThat(details.path("status").path("rescheduled_for").asString())
						.isEqualTo(data.path("rescheduledAt").asString());
					assertThat(state).isEqualTo("rescheduled");
				}
				default -> throw new AssertionError("Unknown sync_end status " + data);
			}
			Instant latest = latestOutcome(details);
			if (latest != null && !"RESCHEDULED".equals(data.path("status").asString())) {
				assertThat(Json.timestamp(latest)).as("the newest outcome is this event's").isEqualTo(created);
			}
		}
	}

	private static Instant latestOutcome(JsonNode details) {
		Instant succeeded = instantOrNull(details, "succeeded_at");
		Instant failed = instantOrNull(details, "failed_at");
		if (succeeded == null || failed == null) {
			return (succeeded != null) ? succeeded : failed;
		}
		return succeeded.isAfter(failed) ? succeeded : failed;
	}

	private String connection() {
		return this.sandbox.state().addConnection(this.groupId, "postgres", "pg");
	}

	private void sync(String id) throws Exception {
		assertThat(this.client.post("/v1/connections/" + id + "/sync", "{}").status()).isEqualTo(200);
	}

	private List<Received> ends(String id) {
		return this.receiver.events("sync_end")
			.stream()
			.filter((end) -> id.equals(end.json().path("connector_id").asString()))
			.toList();
	}

	private List<Seen> endsSeen() {
		return this.seen.stream().filter((moment) -> SandboxEvent.SYNC_END.equals(moment.event.type())).toList();
	}

	private JsonNode details(String id) throws Exception {
		return this.client.get("/v1/connections/" + id).data();
	}

	private static Instant instant(JsonNode json, String field) {
		return Instant.parse(json.path(field).asString());
	}

	private static Instant instantOrNull(JsonNode json, String field) {
		return json.path(field).isString() ? instant(json, field) : null;
	}

	private record Seen(SandboxEvent event, JsonNode details) {

	}

}
