package dev.ftbridge.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ftbridge.sandbox.SandboxClient.Reply;
import dev.ftbridge.sandbox.WebhookReceiver.Received;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating, activating and testing a webhook POSTs to it first, as Fivetran does. */
class WebhookRegistrationTest {

	private final WebhookReceiver receiver = new WebhookReceiver();

	private FivetranSandbox sandbox;

	private SandboxClient client;

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
	void creatingAnActiveWebhookFirstSendsASignedTestEvent() throws Exception {
		Reply created = this.client.post("/v1/webhooks/account", hook(true, "s3cret"));
		assertThat(created.status()).isEqualTo(200);
		// synchronous: the test_event arrived before the API answered
		assertThat(this.receiver.received()).hasSize(1);
		Received test = this.receiver.received().get(0);
		assertThat(test.fieldNames()).containsExactly("event", "created", "connector_type", "connector_id", "group_id");
		JsonNode payload = test.json();
		assertThat(payload.path("event").asString()).isEqualTo("test_event");
		assertThat(payload.path("connector_type").asString()).isEqualTo("_connector_type");
		assertThat(payload.path("connector_id").asString()).isEqualTo("_connector_1");
		assertThat(payload.path("group_id").asString()).isEqualTo("_destination_1");
		assertThat(test.header("X-Fivetran-Signature-256"))
			.isEqualTo(WebhookReceiver.hmacSha256UpperHex("s3cret", test.body()));
		assertThat(this.sandbox.deliveries().forEvent("test_event")).singleElement()
			.satisfies((attempt) -> assertThat(attempt.targetId()).isEqualTo(created.data().path("id").asString()));
	}

	@Test
	void creationIsRefusedWith400WhenTheReceiverAnswers500OrNothing() throws Exception {
		this.receiver.respondWith((request) -> 500);
		String groupId = this.sandbox.state().addGroup("warehouse").id();
		Reply account = this.client.post("/v1/webhooks/account", hook(true, null));
		Reply group = this.client.post("/v1/webhooks/group/" + groupId, hook(true, null));
		assertThat(account.status()).isEqualTo(400);
		assertThat(account.body().path("message").asString()).contains("500");
		assertThat(group.status()).isEqualTo(400);
		assertThat(this.receiver.eventTypes()).containsExactly("test_event", "test_event");
		int closedPort = this.receiver.uri().getPort();
		this.receiver.close();
		Reply unreachable = this.client.post("/v1/webhooks/account",
				"{\"url\":\"http://127.0.0.1:" + closedPort + "/x\",\"events\":[\"sync_end\"]}");
		assertThat(unreachable.status()).isEqualTo(400);
		assertThat(this.client.get("/v1/webhooks").data().path("items")).isEmpty();
		assertThat(this.sandbox.state().webhooks()).isEmpty();
	}

	@Test
	void inactiveWebhookIsCreatedUntestedAndActivationRunsTheTest() throws Exception {
		this.receiver.respondWith((request) -> 503);
		Reply created = this.client.post("/v1/webhooks/account", hook(false, null));
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.data().path("active").asBoolean()).isFalse();
		assertThat(this.receiver.received()).isEmpty();
		String id = created.data().path("id").asString();
		Reply refused = this.client.patch("/v1/webhooks/" + id, "{\"active\":true}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(this.client.get("/v1/webhooks/" + id).data().path("active").asBoolean()).isFalse();
		this.receiver.respondWith((request) -> 204);
		Reply activated = this.client.patch("/v1/webhooks/" + id, "{\"active\":true,\"events\":[\"sync_start\"]}");
		assertThat(activated.status()).isEqualTo(200);
		assertThat(activated.data().path("active").asBoolean()).isTrue();
		assertThat(activated.data().path("events")).extracting(JsonNode::asString).containsExactly("sync_start");
		assertThat(this.receiver.eventTypes()).containsExactly("test_event", "test_event");
	}

	@Test
	void testEndpointSendsTheEventAndReportsWhatTheReceiverAnswered() throws Exception {
		String id = this.client.post("/v1/webhooks/account", hook(true, "k")).data().path("id").asString();
		Reply passed = this.client.post("/v1/webhooks/" + id + "/test", "{\"event\":\"sync_start\"}");
		assertThat(passed.status()).isEqualTo(200);
		assertThat(passed.data().path("succeed").asBoolean()).isTrue();
		assertThat(passed.data().path("status").asInt()).isEqualTo(200);
		Received test = this.receiver.events("sync_start").get(0);
		assertThat(test.json().path("connector_id").asString()).isEqualTo("_connection_1");
		assertThat(test.json().has("sync_id")).isFalse();
		assertThat(test.header("X-Fivetran-Signature-256"))
			.isEqualTo(WebhookReceiver.hmacSha256UpperHex("k", test.body()));
		this.receiver.respondWith((request) -> 503);
		Reply failed = this.client.post("/v1/webhooks/" + id + "/test", "{\"event\":\"sync_end\"}");
		assertThat(failed.status()).isEqualTo(200);
		assertThat(failed.data().path("succeed").asBoolean()).isFalse();
		assertThat(failed.data().path("status").asInt()).isEqualTo(503);
		assertThat(this.client.post("/v1/webhooks/" + id + "/test", "{}").status()).isEqualTo(400);
		assertThat(this.client.post("/v1/webhooks/none/test", "{\"event\":\"sync_end\"}").status()).isEqualTo(404);
	}

	private String hook(boolean active, String secret) {
		return "{\"url\":\"" + this.receiver.url() + "\",\"events\":[\"sync_end\"],\"active\":" + active
				+ ((secret != null) ? ",\"secret\":\"" + secret + "\"" : "") + "}";
	}

}
