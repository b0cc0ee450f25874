package dev.ftbridge.sandbox;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ftbridge.sandbox.SandboxClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import dev.ftbridge.support.MutableClock;

class RateLimitTest {

	private final MutableClock clock = new MutableClock();

	private FivetranSandbox sandbox;

	private SandboxClient client;

	private String connectionId;

	@AfterEach
	void stop() {
		this.sandbox.close();
	}

	private void start(SandboxSettings settings) {
		this.sandbox = new FivetranSandbox(settings, this.clock).start();
		this.client = new SandboxClient(this.sandbox);
		String groupId = this.sandbox.state().addGroup("warehouse").id();
		this.connectionId = this.sandbox.state().addConnection(groupId, "postgres", "pg_main");
	}

	@Test
	void sixthSetupTestInAMinuteIsRejectedWithRetryAfterUntilTheWindowPasses() throws Exception {
		start(SandboxClient.settings().withLimits(Limits.paid().withSetupTests(5, 2500)));
		String test = "/v1/connections/" + this.connectionId + "/test";
		for (int i = 0; i < 5; i++) {
			assertThat(this.client.post(test, "{}").status()).isEqualTo(200);
		}
		this.clock.advance(Duration.ofSeconds(20));
		Reply rejected = this.client.post(test, "{}");
		assertThat(rejected.status()).isEqualTo(429);
		assertThat(rejected.code()).isEqualTo("TooManyRequests");
		assertThat(rejected.body().path("message").asString())
			.isEqualTo("No more than 5 setup test requests can be made per minute");
		assertThat(rejected.header("Retry-After")).isEqualTo("40");
		assertThat(rejected.header("X-Rate-Limit")).isEqualTo("20000");
		assertThat(rejected.header("X-Rate-Limit-Remaining")).isEqualTo("19995");
		assertThat(this.client.post("/v1/connections/" + this.connectionId + "/sync", "{}").status())
			.as("a sync is no setup test")
			.isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(40));
		assertThat(this.client.post(test, "{}").status()).isEqualTo(200);
	}

	@Test
	void rejectedRequestIsNeitherCountedNorApplied() throws Exception {
		start(SandboxClient.settings().withLimits(Limits.paid().withSetupTests(1, 2500)));
		String groupId = this.sandbox.state().groups().get(0).id();
		String create = "{\"group_id\":\"" + groupId + "\",\"service\":\"postgres\",\"config\":{\"schema\":\"%s\"}}";
		assertThat(this.client.post("/v1/connections", create.formatted("first")).status()).isEqualTo(201);
		Reply rejected = this.client.post("/v1/connections", create.formatted("second"));
		assertThat(rejected.status()).isEqualTo(429);
		assertThat(rejected.header("X-Rate-Limit-Remaining")).isEqualTo("19999");
		Reply list = this.client.get("/v1/groups/" + groupId + "/connections");
		assertThat(list.data().path("items").valueStream().map((item) -> item.path("schema").asString()))
			.containsExactly("pg_main", "first");
		Reply withoutTests = this.client.post("/v1/connections",
				create.formatted("third").replace("}}", "},\"run_setup_tests\":false}"));
		assertThat(withoutTests.status()).as("no setup tests, no setup-test budget").isEqualTo(201);
	}

	@Test
	void windowsRollPerRequestRatherThanResettingOnTheMinute() throws Exception {
		start(SandboxClient.settings().withLimits(Limits.paid().withSourceInteractions(2, 5000)));
		String reload = "/v1/connections/" + this.connectionId + "/schemas/reload";
		assertThat(this.client.post(reload, "{}").status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(50));
		assertThat(this.client.post(reload, "{}").status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(15));
		assertThat(this.client.post(reload, "{}").status()).as("the first one left the window").isEqualTo(200);
		Reply rejected = this.client.post(reload, "{}");
		assertThat(rejected.status()).isEqualTo(429);
		assertThat(rejected.header("Retry-After")).as("until the second one leaves").isEqualTo("45");
	}

	@Test
	void retryAfterIsInRealSecondsWhenSandboxTimeRunsFaster() throws Exception {
		start(SandboxClient.settings().withTimeScale(60).withLimits(Limits.paid().withRequestsPerHour(3)));
		for (int i = 0; i < 3; i++) {
			assertThat(this.client.get("/v1/groups").status()).isEqualTo(200);
		}
		this.clock.advance(Duration.ofSeconds(30));
		Reply rejected = this.client.get("/v1/groups");
		assertThat(rejected.status()).isEqualTo(429);
		assertThat(rejected.header("Retry-After")).as("30 sandbox minutes left = 30 real seconds").isEqualTo("30");
		assertThat(rejected.header("X-Rate-Limit")).isEqualTo("3");
		assertThat(rejected.header("X-Rate-Limit-Remaining")).isEqualTo("0");
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.client.get("/v1/groups").status()).isEqualTo(200);
	}

	@Test
	void trialPresetAllowsTwentyFiveSourceInteractionsPerMinute() throws Exception {
		start(SandboxClient.settings().withLimits(Limits.trial()));
		String columns = "/v1/connections/" + this.connectionId + "/schemas/public/tables/orders/columns";
		for (int i = 0; i < 25; i++) {
			assertThat(this.client.get(columns).status()).isEqualTo(200);
		}
		Reply rejected = this.client.get(columns);
		assertThat(rejected.status()).isEqualTo(429);
		assertThat(rejected.header("X-Rate-Limit")).isEqualTo("500");
		assertThat(rejected.header("X-Rate-Limit-Remaining")).isEqualTo("475");
		assertThat(this.client.get("/v1/connections/" + this.connectionId).status()).isEqualTo(200);
	}

	@Test
	void userCreationHasItsOwnHourlyLimit() throws Exception {
		start(SandboxClient.settings().withLimits(Limits.paid().withUserCreationsPerHour(2)));
		for (int i = 0; i < 2; i++) {
			assertThat(this.client
				.post("/v1/users",
						"{\"email\":\"u" + i + "@example.com\",\"given_name\":\"U\",\"family_name\":\"Ser\"}")
				.status()).isEqualTo(201);
		}
		Reply rejected = this.client.post("/v1/users",
				"{\"email\":\"u9@example.com\",\"given_name\":\"U\",\"family_name\":\"Ser\"}");
		assertThat(rejected.status()).isEqualTo(429);
		assertThat(rejected.body().path("message").asString()).contains("2 user creations", "per hour");
	}

	@Test
	void disabledLimitsNeverRejectAndReportTheFullQuota() throws Exception {
		start(SandboxClient.settings().withLimits(Limits.paid().withRequestsPerHour(2).disabled()));
		for (int i = 0; i < 5; i++) {
			Reply reply = this.client.get("/v1/groups");
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.header("X-Rate-Limit-Remaining")).isEqualTo("2");
		}
	}

	@Test
	void everyResponseCarriesTheRateLimitHeaders() throws Exception {
		start(SandboxClient.settings().withLimits(Limits.paid().withRequestsPerHour(7)));
		String groupId = this.sandbox.state().groups().get(0).id();
		Reply[] replies = { this.client.get("/v1/connections/" + this.connectionId),
				this.client.post("/v1/groups", "{\"name\":\"another\"}"), this.client.post("/v1/groups", "{}"),
				this.client.get("/v1/connections/nope"), this.client.send("PUT", "/v1/groups", "{}"),
				this.client.get("/v1/nothing-here"), this.client.withoutCredentials().get("/v1/groups"),
				this.client.post("/v1/connections/" + this.connectionId + "/resync", "{\"scope\":{}}"),
				this.client.get("/v1/groups/" + groupId + "/connections"), this.client.get("/v1/groups") };
		this.sandbox.faults().failNext(1, 503);
		Reply faulted = this.client.get("/v1/groups");
		assertThat(replies).extracting(Reply::status).containsExactly(200, 201, 400, 404, 405, 404, 401, 400, 429, 429);
		int remaining = 7;
		for (Reply reply : replies) {
			assertThat(reply.header("X-Rate-Limit")).isEqualTo("7");
			remaining -= (reply.status() == 401 || reply.status() == 429) ? 0 : 1;
			assertThat(reply.header("X-Rate-Limit-Remaining")).isEqualTo(Integer.toString(Math.max(remaining, 0)));
		}
		assertThat(faulted.status()).isEqualTo(503);
		assertThat(faulted.header("X-Rate-Limit-Remaining")).isEqualTo("0");
	}

}
