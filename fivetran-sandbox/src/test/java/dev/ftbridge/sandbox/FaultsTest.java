package dev.ftbridge.sandbox;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.ftbridge.sandbox.SandboxClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import dev.ftbridge.support.MutableClock;

class FaultsTest {

	private final MutableClock clock = new MutableClock();

	private FivetranSandbox sandbox;

	private SandboxClient client;

	private String groupId;

	@BeforeEach
	void start() {
		this.sandbox = new FivetranSandbox(SandboxClient.settings(), this.clock).start();
		this.client = new SandboxClient(this.sandbox);
		this.groupId = this.sandbox.state().addGroup("warehouse").id();
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
	}

	@Test
	void failNextAnswersABurstOf503sWithoutApplyingThem() throws Exception {
		this.sandbox.faults().failNext(2, 503);
		Reply first = this.client.post("/v1/groups", "{\"name\":\"a\"}");
		Reply second = this.client.post("/v1/groups", "{\"name\":\"b\"}");
		Reply third = this.client.post("/v1/groups", "{\"name\":\"c\"}");
		assertThat(first.status()).isEqualTo(503);
		assertThat(first.code()).isEqualTo("ServiceUnavailable");
		assertThat(second.status()).isEqualTo(503);
		assertThat(third.status()).isEqualTo(201);
		assertThat(this.sandbox.state().groups()).extracting(Group::name).containsExactly("warehouse", "c");
		assertThat(this.sandbox.requestLog().requests()).extracting(LoggedRequest::fault)
			.containsExactly("failNext", "failNext", null);
	}

	@Test
	void errorRateFailsAboutThatShareOfRequests() throws Exception {
		this.sandbox.faults().errorRate(0.5, 500);
		int failed = 0;
		for (int i = 0; i < 200; i++) {
			Reply reply = this.client.get("/v1/groups");
			assertThat(reply.status()).isIn(200, 500);
			failed += (reply.status() == 500) ? 1 : 0;
		}
		assertThat(failed).isBetween(60, 140);
		this.sandbox.faults().errorRate(1.0, 502);
		assertThat(this.client.get("/v1/groups").code()).isEqualTo("BadGateway");
		this.sandbox.faults().errorRate(0, 500);
		assertThat(this.client.get("/v1/groups").status()).isEqualTo(200);
	}

	@Test
	void timeoutAppliesTheRequestThenHoldsTheAnswerPastTheClientsReadTimeout() throws Exception {
		this.sandbox.faults().timeoutNext(1, Duration.ofSeconds(5));
		String body = "{\"group_id\":\"" + this.groupId + "\",\"service\":\"postgres\",\"config\":{\"schema\":\"pg\"}}";
		SandboxClient impatient = this.client.withReadTimeout(Duration.ofMillis(300));
		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> impatient.post("/v1/connections", body));
		Reply list = this.client.get("/v1/connections?group_id=" + this.groupId);
		assertThat(list.data().path("items")).hasSize(1);
		LoggedRequest timedOut = this.sandbox.requestLog().requests().get(0);
		assertThat(timedOut.fault()).isEqualTo("timeoutNext");
		assertThat(timedOut.applied()).isTrue();
		assertThat(timedOut.status()).isEqualTo(201);
		assertThat(this.sandbox.requestLog().effectsFor(timedOut.connectionId())).containsExactly(timedOut);
	}

	@Test
	void resetClosesTheConnectionWithoutAnswerAndWithoutApplying() throws Exception {
		this.sandbox.faults().resetNext(1);
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> this.client.post("/v1/groups", "{\"name\":\"lost\"}"));
		assertThat(this.sandbox.state().groups()).extracting(Group::name).containsExactly("warehouse");
		LoggedRequest reset = this.sandbox.requestLog().requests().get(0);
		assertThat(reset.status()).isZero();
		assertThat(reset.applied()).isFalse();
		assertThat(this.client.post("/v1/groups", "{\"name\":\"next\"}").status()).isEqualTo(201);
	}

	@Test
	void resetAfterApplyingClosesTheConnectionButKeepsTheEffect() throws Exception {
		this.sandbox.faults().resetNextAfterApplying(1);
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> this.client.post("/v1/groups", "{\"name\":\"applied\"}"));
		assertThat(this.sandbox.state().groups()).extracting(Group::name).containsExactly("warehouse", "applied");
		LoggedRequest reset = this.sandbox.requestLog().requests().get(0);
		assertThat(reset.status()).isZero();
		assertThat(reset.applied()).isTrue();
		assertThat(reset.fault()).isEqualTo("resetNextAfterApplying");
	}

	@Test
	void outageAnswers503UntilItsDurationHasPassed() throws Exception {
		this.sandbox.faults().outage(Duration.ofMinutes(10));
		assertThat(this.client.get("/v1/groups").status()).isEqualTo(503);
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(this.client.post("/v1/groups", "{\"name\":\"x\"}").code()).isEqualTo("ServiceUnavailable");
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.client.get("/v1/groups").status()).isEqualTo(200);
		assertThat(this.sandbox.requestLog().count(null, "/v1/groups")).isEqualTo(3);
	}

	@Test
	void unauthorizedModeAnswers401EvenWithTheRightCredentials() throws Exception {
		this.sandbox.faults().unauthorized(true);
		Reply reply = this.client.get("/v1/groups");
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.code()).isEqualTo("AuthFailed");
		assertThat(reply.body().path("message").asString()).isNotBlank();
		this.sandbox.faults().unauthorized(false);
		assertThat(this.client.get("/v1/groups").status()).isEqualTo(200);
	}

	@Test
	void wrongOrMissingCredentialsGet401() throws Exception {
		assertThat(this.client.withCredentials(SandboxClient.KEY, "wrong").get("/v1/groups").status()).isEqualTo(401);
		Reply missing = this.client.withoutCredentials().get("/v1/groups");
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.code()).isEqualTo("AuthFailed");
		assertThat(missing.header("WWW-Authenticate")).startsWith("Basic");
	}

	@Test
	void faultsFromSettingsApplyFromTheStartAndSurviveAReset() throws Exception {
		SandboxSettings settings = SandboxClient.settings()
			.withFaults(new SandboxSettings.FaultSettings(1.0, 503, false));
		try (FivetranSandbox flaky = FivetranSandbox.start(settings)) {
			SandboxClient flakyClient = new SandboxClient(flaky);
			assertThat(flakyClient.get("/v1/groups").status()).isEqualTo(503);
			flaky.faults().clear();
			assertThat(flakyClient.get("/v1/groups").status()).isEqualTo(200);
			flakyClient.post("/sandbox/reset", "{}");
			assertThat(flakyClient.get("/v1/groups").status()).isEqualTo(503);
		}
	}

	@Test
	void controlEndpointScriptsFaultsForOtherProcesses() throws Exception {
		Reply set = this.client.post("/sandbox/faults",
				"{\"failNext\":{\"count\":1,\"status\":502},\"unauthorized\":false}");
		assertThat(set.status()).isEqualTo(200);
		assertThat(set.data().path("failNext").path("count").asInt()).isEqualTo(1);
		assertThat(this.client.get("/v1/groups").status()).isEqualTo(502);
		assertThat(this.client.get("/v1/groups").status()).isEqualTo(200);
		this.client.post("/sandbox/faults", "{\"outage\":{\"duration\":\"PT1H\"}}");
		assertThat(this.client.get("/v1/groups").status()).isEqualTo(503);
		this.client.post("/sandbox/faults", "{\"clear\":true}");
		assertThat(this.client.get("/v1/groups").status()).isEqualTo(200);
		Reply invalid = this.client.post("/sandbox/faults", "{\"outage\":{\"duration\":\"ten minutes\"}}");
		assertThat(invalid.status()).isEqualTo(400);
	}

	@Test
	void controlEndpointCanHoldAnAnswerAndTheSandboxStopsWithoutWaitingForIt() throws Exception {
		this.client.post("/sandbox/faults", "{\"timeoutNext\":{\"count\":1,\"hold\":\"PT1H\"}}");
		SandboxClient impatient = this.client.withReadTimeout(Duration.ofMillis(200));
		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> impatient.get("/v1/groups"));
		long started = System.nanoTime();
		this.sandbox.stop();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(
					() -> assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.client.get("/v1/groups")));
	}

}
