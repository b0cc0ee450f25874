package dev.ftbridge.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.ftbridge.FtbridgeApplication;
import dev.ftbridge.fivetran.Throttle;
import dev.ftbridge.sandbox.FivetranSandbox;
import dev.ftbridge.sandbox.Latency;
import dev.ftbridge.sandbox.Limits;
import dev.ftbridge.sandbox.SandboxSettings;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One Fivetran account, two bridge instances: each takes the share of every budget that
 * matches its share of the command partitions, together they stay under the account's
 * limits (the sandbox answers no 429), and when one stops the other's share grows to the
 * whole budget.
 */
class TwoInstancesIntegrationTest {

	private static EmbeddedKafkaBroker broker;

	private static FivetranSandbox sandbox;

	@BeforeAll
	static void start() {
		broker = new EmbeddedKafkaKraftBroker(1, 6).brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0"));
		broker.afterPropertiesSet();
		sandbox = FivetranSandbox.start(SandboxSettings.defaults()
			.withCredentials("two-key", "two-secret")
			.withTimeScale(10)
			.withLatency(Latency.disabled())
			.withLimits(Limits.paid().withSetupTests(60, 2500)));
	}

	@AfterAll
	static void stop() {
		sandbox.close();
		broker.destroy();
	}

	@Test
	void twoInstancesSplitTheBudgetAndTheSurvivorTakesItAll() {
		ConfigurableApplicationContext first = bridge();
		ConfigurableApplicationContext second = bridge();
		try {
			Throttle a = first.getBean(Throttle.class);
			Throttle b = second.getBean(Throttle.class);
			await().atMost(Duration.ofSeconds(60)).until(() -> a.share() < 1.0 && b.share() < 1.0);
			assertThat(a.share() + b.share()).as("shares of the account add up to one").isEqualTo(1.0);
			int setupPerMinute = a.limits().get("setup_tests_per_minute") + b.limits().get("setup_tests_per_minute");
			assertThat(setupPerMinute).as("together within the account's 60 setup tests per minute")
				.isLessThanOrEqualTo(60);

			String group = sandbox.state().addGroup("two").id();
			List<String> ids = new ArrayList<>();
			try (Commands commands = new Commands(broker.getBrokersAsString(), "fivetran.commands");
					TopicRecorder results = new TopicRecorder(broker.getBrokersAsString(),
							"fivetran.command-results")) {
				for (int i = 0; i < 120; i++) {
					String id = Commands.newId();
					ids.add(id);
					commands.sendAsync(group + "/t" + i, id, "fivetran.connection.create", "{\"group_id\":\"" + group
							+ "\",\"service\":\"postgres\",\"config\":{\"schema\":\"t" + i + "\"}}");
				}
				commands.flush();
				Set<String> wanted = new HashSet<>(ids);
				await().atMost(Duration.ofSeconds(120))
					.until(() -> results.matching((r) -> wanted.contains(r.dataText("command_id"))).size() == ids
						.size());
				assertThat(results.matching((r) -> wanted.contains(r.dataText("command_id"))))
					.allSatisfy((r) -> assertThat(r.dataText("outcome")).isEqualTo("SUCCEEDED"));
			}
			assertThat(sandbox.requestLog().matching((r) -> r.status() == 429)).as("429s from the account").isEmpty();

			second.close();
			await().atMost(Duration.ofSeconds(60)).until(() -> a.share() == 1.0);
			assertThat(a.limits().get("setup_tests_per_minute")).as("the survivor's budget is the whole account's")
				.isEqualTo(40);
		}
		finally {
			first.close();
			second.close();
		}
	}

	private static ConfigurableApplicationContext bridge() {
		return new SpringApplicationBuilder(FtbridgeApplication.class).run(
				"--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
				"--ftbridge.fivetran.base-url=" + sandbox.baseUrl(), "--ftbridge.fivetran.api-key=two-key",
				"--ftbridge.fivetran.api-secret=two-secret", "--ftbridge.fivetran.limits.time-scale=10",
				"--ftbridge.fivetran.limits.setup-tests-per-minute=40", "--ftbridge.topics.partitions=6",
				"--ftbridge.command.commit-interval=200ms", "--server.port=0", "--management.server.port=0",
				"--logging.level.org.apache.kafka=WARN", "--spring.main.banner-mode=off");
	}

}
