package dev.ftbridge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The health groups the probes of a deployment use. */
class HealthIntegrationTest extends BridgeIntegrationTest {

	@LocalManagementPort
	private int port;

	@Test
	void readinessCoversKafkaAndFivetranAndLivenessIsUp() throws Exception {
		JsonNode readiness = get("/actuator/health/readiness");
		assertThat(readiness.path("status").asString()).isEqualTo("UP");
		assertThat(readiness.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
		assertThat(readiness.path("components").path("fivetran").path("status").asString()).isEqualTo("UP");
		assertThat(readiness.path("components").path("fivetranAccounts").path("status").asString())
			.as("the named accounts (none here)")
			.isEqualTo("UP");
		assertThat(get("/actuator/health/liveness").path("status").asString()).isEqualTo("UP");
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		return json(response.body());
	}

}
