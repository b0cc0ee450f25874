package dev.ftbridge.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** A plain JDK HTTP client for the sandbox, as a test sees it: real HTTP on loopback. */
final class SandboxClient {

	static final String KEY = "sandbox-key";

	static final String SECRET = "sandbox-secret";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI baseUrl;

	private final String authorization;

	private final Duration readTimeout;

	private SandboxClient(URI baseUrl, String authorization, Duration readTimeout) {
		this.baseUrl = baseUrl;
		this.authorization = authorization;
		this.readTimeout = readTimeout;
	}

	SandboxClient(FivetranSandbox sandbox) {
		this(sandbox.baseUrl(), basic(KEY, SECRET), Duration.ofSeconds(10));
	}

	/** The settings the tests use: test credentials, no latency. */
	static SandboxSettings settings() {
		return SandboxSettings.defaults().withCredentials(KEY, SECRET).withLatency(Latency.disabled());
	}

	SandboxClient withCredentials(String key, String secret) {
		return new SandboxClient(this.baseUrl, basic(key, secret), this.readTimeout);
	}

	SandboxClient withoutCredentials() {
		return new SandboxClient(this.baseUrl, null, this.readTimeout);
	}

	SandboxClient withReadTimeout(Duration readTimeout) {
		return new SandboxClient(this.baseUrl, this.authorization, readTimeout);
	}

	Reply get(String path) throws IOException, InterruptedException {
		return send("GET", path, null);
	}

	Reply post(String path, String json) throws IOException, InterruptedException {
		return send("POST", path, json);
	}

	Reply patch(String path, String json) throws IOException, InterruptedException {
		return send("PATCH", path, json);
	}

	Reply delete(String path) throws IOException, InterruptedException {
		return send("DELETE", path, null);
	}

	Reply send(String method, String path, String json) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.baseUrl.resolve(path))
			.timeout(this.readTimeout)
			.header("Accept", "application/json;version=2")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		String body = response.body();
		JsonNode parsed = (body == null || body.isEmpty()) ? MissingNode.getInstance() : JSON.readTree(body);
		return new Reply(response.statusCode(), response.headers(), parsed);
	}

	private static String basic(String key, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	/** One answer: status, headers, JSON body. */
	record Reply(int status, HttpHeaders headers, JsonNode body) {

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		String code() {
			return this.body.path("code").asString(null);
		}

		JsonNode data() {
			return this.body.path("data");
		}

	}

}
