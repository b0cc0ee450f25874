package dev.ftbridge.sandbox;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.ftbridge.sandbox.SandboxClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control endpoints under /sandbox/ show request bodies (passwords included) and can
 * reset the sandbox: they ask for the same HTTP Basic credentials as its API. Its
 * settings never print the credentials.
 */
class ControlEndpointsAuthTest {

	private static final List<String> READS = List.of("/sandbox/health", "/sandbox/requests", "/sandbox/faults",
			"/sandbox/deliveries", "/sandbox/webhooks");

	private FivetranSandbox sandbox;

	private SandboxClient client;

	@BeforeEach
	void start() throws Exception {
		this.sandbox = FivetranSandbox.start(SandboxClient.settings());
		this.client = new SandboxClient(this.sandbox);
		String group = this.client.post("/v1/groups", "{\"name\":\"warehouse\"}").data().path("id").asString();
		this.client.post("/v1/connections", """
				{"group_id": "%s", "service": "postgres", "config": {"schema": "pg", "password": "hunter2"}}
				""".formatted(group));
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
	}

	@Test
	void controlEndpointsWithoutCredentialsAnswer401AndShowNothing() throws Exception {
		for (SandboxClient stranger : List.of(this.client.withoutCredentials(),
				this.client.withCredentials(SandboxClient.KEY, "wrong"))) {
			for (String path : READS) {
				Reply reply = stranger.get(path);
				assertThat(reply.status()).as(path).isEqualTo(401);
				assertThat(reply.header("WWW-Authenticate")).as(path).startsWith("Basic");
				assertThat(reply.body().toString()).as(path).doesNotContain("hunter2");
			}
			assertThat(stranger.post("/sandbox/reset", "{}").status()).isEqualTo(401);
			assertThat(stranger.post("/sandbox/faults", "{\"outage\":{\"duration\":\"PT1H\"}}").status())
				.isEqualTo(401);
		}
		assertThat(this.sandbox.state().groups()).as("no reset").hasSize(1);
		assertThat(this.client.withoutCredentials().delete("/sandbox/requests").status()).isEqualTo(401);
		assertThat(this.client.get("/v1/groups").status()).as("no outage was set").isEqualTo(200);
	}

	@Test
	void controlEndpointsWithTheApiCredentialsAnswer200() throws Exception {
		for (String path : READS) {
			assertThat(this.client.get(path).status()).as(path).isEqualTo(200);
		}
		Reply requests = this.client.get("/sandbox/requests");
		assertThat(requests.body().toString()).contains("hunter2");
		assertThat(this.client.post("/sandbox/reset", "{}").status()).isEqualTo(200);
		assertThat(this.sandbox.state().groups()).isEmpty();
	}

	@Test
	void settingsAndPropertiesNeverPrintTheKeyOrSecret() {
		SandboxSettings settings = SandboxSettings.defaults().withCredentials("key-4711", "secret-0815");
		assertThat(settings.toString()).contains("apiKey=******", "apiSecret=******")
			.doesNotContain("key-4711")
			.doesNotContain("secret-0815");
		SandboxProperties properties = new SandboxProperties(true, "127.0.0.1", 8099, 60, "key-4711", "secret-0815",
				SandboxProperties.LimitsPreset.PAID, false, null, null, null, "whsec-1234", true);
		assertThat(properties.toString()).contains("apiKey=******", "apiSecret=******", "webhookSecret=******")
			.doesNotContain("key-4711")
			.doesNotContain("secret-0815")
			.doesNotContain("whsec-1234");
		assertThat(SandboxSettings.defaults().toString()).contains("apiKey=null");
	}

}
