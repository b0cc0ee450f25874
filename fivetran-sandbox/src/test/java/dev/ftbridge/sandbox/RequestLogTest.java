package dev.ftbridge.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.ftbridge.sandbox.SandboxClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogTest {

	private FivetranSandbox sandbox;

	private SandboxClient client;

	private String connectionId;

	@BeforeEach
	void start() {
		this.sandbox = FivetranSandbox.start(SandboxClient.settings());
		this.client = new SandboxClient(this.sandbox);
		String groupId = this.sandbox.state().addGroup("warehouse").id();
		this.connectionId = this.sandbox.state().addConnection(groupId, "postgres", "pg");
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
	}

	@Test
	void countsRequestsByMethodAndPathTemplate() throws Exception {
		String sync = "/v1/connections/" + this.connectionId + "/sync";
		this.client.post(sync, "{}");
		this.client.post(sync, "{\"force\":true}");
		this.client.get("/v1/connections/" + this.connectionId);
		this.client.post("/v1/connections/other/sync", "{}");
		RequestLog log = this.sandbox.requestLog();
		assertThat(log.count("POST", "/v1/connections/{id}/sync")).isEqualTo(3);
		assertThat(log.count("GET", "/v1/connections/{id}")).isEqualTo(1);
		assertThat(log.count(null, "/v1/connections/{id}/{action}")).isEqualTo(3);
		assertThat(log.requests()).extracting(LoggedRequest::sequence).containsExactly(1L, 2L, 3L, 4L);
		assertThat(log.requests().get(1).body()).isEqualTo("{\"force\":true}");
	}

	@Test
	void theLastSequenceMarksWhereLaterRequestsStart() throws Exception {
		RequestLog log = this.sandbox.requestLog();
		assertThat(log.lastSequence()).isEqualTo(-1);
		this.client.get("/v1/connections/" + this.connectionId);
		this.client.get("/v1/connections/" + this.connectionId);
		long mark = log.lastSequence();
		assertThat(mark).isEqualTo(2);
		this.client.post("/v1/connections/" + this.connectionId + "/sync", "{}");
		assertThat(log.matching((request) -> request.sequence() > mark)).singleElement()
			.satisfies((request) -> assertThat(request.method()).isEqualTo("POST"));
	}

	@Test
	void effectsForAConnectionAreItsAppliedChangesOnly() throws Exception {
		String base = "/v1/connections/" + this.connectionId;
		this.client.get(base);
		this.client.post(base + "/sync", "{}");
		this.client.patch(base, "{\"sync_frequency\":3}");
		this.client.patch(base, "{\"paused\":true,\"run_setup_tests\":false}");
		this.sandbox.faults().failNext(1, 503);
		this.client.post(base + "/sync", "{}");
		assertThat(this.sandbox.requestLog().concerning(this.connectionId)).hasSize(5);
		assertThat(this.sandbox.requestLog().effectsFor(this.connectionId))
			.extracting(LoggedRequest::method, LoggedRequest::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("POST", 200),
					org.assertj.core.groups.Tuple.tuple("PATCH", 200));
	}

	@Test
	void logsTimesHeadersWithoutAuthorizationAndTheAnsweredStatus() throws Exception {
		this.client.get("/v1/groups?limit=5");
		LoggedRequest logged = this.sandbox.requestLog().requests().get(0);
		assertThat(logged.query()).isEqualTo("limit=5");
		assertThat(logged.status()).isEqualTo(200);
		assertThat(logged.sandboxTime()).isNotNull();
		assertThat(logged.realTime()).isNotNull();
		assertThat(logged.headers()).containsKey("Accept").doesNotContainKey("Authorization");
		assertThat(logged.headers().get("Accept")).containsExactly("application/json;version=2");
	}

	@Test
	void controlEndpointReturnsTheLogAsJsonAndIsNotLoggedItself() throws Exception {
		this.client.post("/v1/connections/" + this.connectionId + "/sync", "{}");
		this.client.withoutCredentials().get("/v1/groups");
		Reply all = this.client.get("/sandbox/requests");
		assertThat(all.data().path("items")).hasSize(2);
		assertThat(all.data().path("items").get(0).path("connection_id").asString()).isEqualTo(this.connectionId);
		assertThat(all.data().path("items").get(1).path("status").asInt()).isEqualTo(401);
		Reply filtered = this.client
			.get("/sandbox/requests?method=POST&path=/v1/connections/%7Bid%7D/sync&connection_id=" + this.connectionId);
		assertThat(filtered.data().path("items")).hasSize(1);
		assertThat(this.sandbox.requestLog().requests()).hasSize(2);
		this.client.delete("/sandbox/requests");
		assertThat(this.sandbox.requestLog().requests()).isEmpty();
	}

}
