package dev.ftbridge.lineage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.context.TestPropertySource;

import dev.ftbridge.BridgeIntegrationTest;
import dev.ftbridge.sandbox.FivetranSandbox;
import dev.ftbridge.sandbox.Latency;
import dev.ftbridge.sandbox.SandboxSettings;
import dev.ftbridge.sandbox.SyncScript;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.EventSchemas;
import dev.ftbridge.support.TopicRecorder;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lineage and drift end to end: the sandbox's syncs end through its signed webhooks, the
 * bridge publishes their status, and the lineage follower turns them into OpenLineage run
 * events and schema change events, reading schema configs from the sandbox.
 */
@TestPropertySource(properties = { "ftbridge.lineage.enabled=true", "ftbridge.operations.poll-after=30s" })
class LineageIntegrationTest extends BridgeIntegrationTest {

	private static final String SECRET = "test-webhook-secret";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static FivetranSandbox sandbox;

	private static String groupId;

	private static TopicRecorder lineage;

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("lineageListenerContainer")
	ConcurrentMessageListenerContainer<byte[], byte[]> lineageListenerContainer;

	@BeforeEach
	void startSandbox() {
		if (sandbox == null) {
			sandbox = new FivetranSandbox(SandboxSettings.defaults()
				.withCredentials("test-key", "test-secret")
				.withLatency(Latency.disabled())
				.withLifecycle(new SandboxSettings.Lifecycle(Duration.ofSeconds(1), Duration.ofSeconds(1)))
				.withWebhook(URI.create("http://127.0.0.1:" + this.port + "/webhooks/fivetran"), SECRET)).start();
			groupId = sandbox.state().addGroup("warehouse").id();
			// status (3 partitions) and command results (3): the follower starts at the
			// end
			ContainerTestUtils.waitForAssignment(this.lineageListenerContainer, 6);
			lineage = new TopicRecorder(this.broker.getBrokersAsString(), "fivetran.lineage");
		}
	}

	@AfterAll
	static void stopSandbox() {
		if (sandbox != null) {
			sandbox.close();
			sandbox = null;
			lineage.close();
			lineage = null;
		}
	}

	@Test
	void aSyncThatSucceedsIsOneRunFromStartToComplete() {
		String connection = connection();
		sync(connection);
		List<JsonNode> events = runEvents(connection, 2);
		assertThat(events).extracting((event) -> event.path("eventType").asString())
			.containsExactly("START", "COMPLETE");
		events.forEach(OpenLineageSchema::assertValid);
		assertThat(events.get(0).path("run").path("runId")).isEqualTo(events.get(1).path("run").path("runId"));
		JsonNode complete = events.get(1);
		assertThat(complete.path("job").path("name").asString()).isEqualTo(connection);
		assertThat(complete.path("inputs").findValuesAsString("name")).containsExactly("public.customers",
				"public.orders");
		assertThat(complete.path("inputs").findValuesAsString("namespace"))
			.containsOnly("fivetran://connection/" + connection);
		assertThat(complete.path("outputs").findValuesAsString("name")).containsExactly("public.customers",
				"public.orders");
		assertThat(complete.path("outputs").findValuesAsString("namespace"))
			.containsOnly("fivetran://group/" + groupId);
	}

	@Test
	void aSyncThatFailsIsOneRunFromStartToFail() {
		String connection = connection();
		sandbox.script(connection, SyncScript.failureWithTask("Credentials expired", "reconnect"));
		sync(connection);
		List<JsonNode> events = runEvents(connection, 2);
		assertThat(events).extracting((event) -> event.path("eventType").asString()).containsExactly("START", "FAIL");
		events.forEach(OpenLineageSchema::assertValid);
		JsonNode facet = events.get(1).path("run").path("facets").path("fivetran_run");
		assertThat(facet.path("status").asString()).isEqualTo("FAILURE_WITH_TASK");
		assertThat(facet.path("reason").asString()).contains("Credentials expired");
	}

	@Test
	void aSchemaChangeBetweenTwoSyncsIsOneEventWithExactlyTheDifference() throws Exception {
		String connection = connection();
		sync(connection);
		runEvents(connection, 2);
		patch(connection, "/schemas/public/tables/customers", "{\"enabled\":false}");
		patch(connection, "/schemas/public/tables/orders/columns/amount", "{\"hashed\":true}");
		sync(connection);
		List<JsonNode> events = runEvents(connection, 4);
		assertThat(events.get(3).path("inputs").findValuesAsString("name")).containsExactly("public.orders");
		List<Recorded> changes = schemaChanges(connection);
		assertThat(changes).hasSize(1);
		EventSchemas.assertValid(changes.get(0).json());
		JsonNode change = changes.get(0).data();
		assertThat(change.path("trigger").asString()).isEqualTo("sync_end");
		assertThat(change.path("tables_disabled").valueStream().map(JsonNode::asString))
			.containsExactly("public.customers");
		assertThat(change.path("columns_hashed").valueStream().map(JsonNode::asString))
			.containsExactly("public.orders.amount");
		for (String empty : List.of("tables_added", "tables_removed", "tables_enabled", "columns_added",
				"columns_removed", "columns_enabled", "columns_disabled", "columns_unhashed")) {
			assertThat(change.path(empty).isEmpty()).as(empty).isTrue();
		}
	}

	@Test
	void aSchemaUpdateThroughTheBridgeIsReportedOnceAndKept() {
		String connection = connection();
		sync(connection);
		runEvents(connection, 2);
		String id = Commands.newId();
		commands().send(connection, id, "fivetran.connection.schema.update", "{\"connection_id\":\"" + connection
				+ "\",\"schemas\":{\"public\":{\"tables\":{\"orders\":{\"enabled\":false}}}}}");
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("SUCCEEDED");
		List<Recorded> changes = statuses().await((r) -> connection.equals(r.key())
				&& ConnectionSchemaChanged.TYPE.equals(r.json().path("type").asString()), 1, WAIT);
		EventSchemas.assertValid(changes.get(0).json());
		assertThat(changes.get(0).dataText("trigger")).isEqualTo("schema_update");
		assertThat(changes.get(0).data().path("tables_disabled").valueStream().map(JsonNode::asString))
			.containsExactly("public.orders");
		// kept after the change is published (a crash in between reports it again, never
		// loses it)
		try (TopicRecorder kept = new TopicRecorder(this.broker.getBrokersAsString(), "fivetran.connection-schemas")) {
			List<Recorded> records = kept.await((r) -> connection.equals(r.key())
					&& !r.json().path("schema").path("tables").path("public.orders").path("enabled").asBoolean(true), 1,
					WAIT);
			assertThat(records).hasSize(1);
			assertThat(records.get(0)
				.json()
				.path("schema")
				.path("tables")
				.path("public.customers")
				.path("enabled")
				.asBoolean()).isTrue();
		}
	}

	@Test
	void aTransformationRunIsOneRunFromStartToComplete() {
		String transformation = sandbox.state().addTransformation(JSON.createObjectNode());
		String path = "/v1/transformations/" + transformation;
		fivetran.forward(path, sandbox.baseUrl());
		String id = Commands.newId();
		commands().send(transformation, id, "fivetran.transformation.run",
				"{\"transformation_id\":\"" + transformation + "\"}");
		assertThat(resultsOf(id, 2).get(1).dataText("outcome")).isEqualTo("SUCCEEDED");
		List<JsonNode> events = runEvents(transformation, 2);
		assertThat(events).extracting((event) -> event.path("eventType").asString())
			.containsExactly("START", "COMPLETE");
		events.forEach(OpenLineageSchema::assertValid);
		assertThat(events.get(0).path("run").path("runId")).isEqualTo(events.get(1).path("run").path("runId"));
		assertThat(events.get(1).path("job").path("name").asString()).isEqualTo(transformation);
	}

	@Test
	void twoSyncsWithNoSchemaChangeBetweenThemPublishNoChange() {
		String connection = connection();
		sync(connection);
		runEvents(connection, 2);
		sync(connection);
		// the change event would be published before the second COMPLETE
		runEvents(connection, 4);
		assertThat(schemaChanges(connection)).isEmpty();
	}

	private void sync(String connection) {
		String id = Commands.newId();
		commands().send(connection, id, "fivetran.connection.sync", "{\"connection_id\":\"" + connection + "\"}");
		assertThat(resultsOf(id, 2).get(1).dataText("outcome")).isIn("SUCCEEDED", "FAILED");
	}

	private static List<JsonNode> runEvents(String connection, int count) {
		List<JsonNode> events = lineage.await((r) -> connection.equals(r.key()), count, WAIT)
			.stream()
			.map(Recorded::json)
			.toList();
		assertThat(events).hasSize(count);
		return events;
	}

	private List<Recorded> schemaChanges(String connection) {
		return statuses().matching((r) -> connection.equals(r.key())
				&& ConnectionSchemaChanged.TYPE.equals(r.json().path("type").asString()));
	}

	/** A new sandbox connection, its calls handed on to the sandbox. */
	private static String connection() {
		String connection = sandbox.state()
			.addConnection(groupId, "postgres", "pg_" + Commands.newId().substring(0, 8));
		String path = "/v1/connections/" + connection;
		fivetran.forward(path, sandbox.baseUrl());
		return connection;
	}

	/**
	 * Changes the sandbox's schema config directly, as someone in Fivetran's UI would.
	 */
	private static void patch(String connection, String path, String body) throws Exception {
		HttpResponse<String> response = HTTP
			.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/connections/" + connection + path))
				.header("Authorization", "Basic dGVzdC1rZXk6dGVzdC1zZWNyZXQ=")
				.header("Content-Type", "application/json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

}
