package dev.ftbridge.sandbox;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.ftbridge.sandbox.Latency.Range;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyTest {

	@Test
	void eachEndpointClassAnswersWithinItsConfiguredRangeScaledByTimeScale() throws Exception {
		// sandbox ranges divided by timeScale 10: reads 100-150 ms, setup tests 300-350
		// ms
		Latency latency = new Latency(true, Range.ofMillis(1000, 1500), Range.ofMillis(0, 0),
				Range.ofMillis(3000, 3500), Range.ofMillis(0, 0));
		try (FivetranSandbox sandbox = FivetranSandbox
			.start(SandboxClient.settings().withTimeScale(10).withLatency(latency))) {
			SandboxClient client = new SandboxClient(sandbox);
			String groupId = sandbox.state().addGroup("warehouse").id();
			String connectionId = sandbox.state().addConnection(groupId, "postgres", "pg");
			client.get("/v1/groups");
			for (int i = 0; i < 4; i++) {
				assertThat(timed(() -> client.get("/v1/connections/" + connectionId))).isBetween(Duration.ofMillis(100),
						Duration.ofMillis(150 + 120));
			}
			for (int i = 0; i < 2; i++) {
				assertThat(timed(() -> client.post("/v1/connections/" + connectionId + "/test", "{}")))
					.isBetween(Duration.ofMillis(300), Duration.ofMillis(350 + 120));
			}
		}
	}

	@Test
	void disabledLatencyAnswersWithoutDelay() throws Exception {
		Latency slow = Latency.uniform(Range.ofMillis(2000, 2000));
		Latency off = new Latency(false, slow.read(), slow.write(), slow.setupTest(), slow.sourceInteraction());
		try (FivetranSandbox sandbox = FivetranSandbox.start(SandboxClient.settings().withLatency(off))) {
			SandboxClient client = new SandboxClient(sandbox);
			client.get("/v1/groups");
			assertThat(timed(() -> client.get("/v1/groups"))).isLessThan(Duration.ofMillis(500));
		}
	}

	@Test
	void defaultsFollowFivetransEndpointClasses() {
		Latency defaults = Latency.defaults();
		assertThat(defaults.rangeFor(Cost.READ)).isEqualTo(Range.ofMillis(20, 80));
		assertThat(defaults.rangeFor(Cost.WRITE)).isEqualTo(Range.ofMillis(50, 150));
		assertThat(defaults.rangeFor(Cost.SETUP_TEST)).isEqualTo(Range.ofMillis(5_000, 20_000));
		assertThat(defaults.rangeFor(Cost.SOURCE_INTERACTION)).isEqualTo(Range.ofMillis(1_000, 3_000));
	}

	private static Duration timed(Call call) throws Exception {
		long started = System.nanoTime();
		assertThat(call.run().status()).isEqualTo(200);
		return Duration.ofNanos(System.nanoTime() - started);
	}

	@FunctionalInterface
	private interface Call {

		SandboxClient.Reply run() throws Exception;

	}

}
