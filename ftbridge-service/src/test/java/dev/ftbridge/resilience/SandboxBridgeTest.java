package dev.ftbridge.resilience;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftbridge.sandbox.FivetranSandbox;
import dev.ftbridge.sandbox.Latency;
import dev.ftbridge.sandbox.Limits;
import dev.ftbridge.sandbox.LoggedRequest;
import dev.ftbridge.sandbox.SandboxSettings;
import dev.ftbridge.support.BridgeClients;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.EventSchemas;
import dev.ftbridge.support.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge against the Fivetran sandbox with its rate limits enforced, time running 30
 * times faster (a minute passes in two seconds), and a circuit breaker tuned to react
 * within seconds. Subclasses share the context, the broker and the sandbox (those in
 * other packages too, such as the admin and fleet command tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.apache.kafka=WARN", "ftbridge.topics.partitions=3",
				"ftbridge.fivetran.api-key=sandbox-key", "ftbridge.fivetran.api-secret=sandbox-secret",
				"ftbridge.fivetran.retry-backoff=50ms", "ftbridge.fivetran.probe-interval=300ms",
				"ftbridge.fivetran.limits.time-scale=30",
				// well under the sandbox's 250: on 2 busy cores, a few hundred ms of
				// jitter are minutes here
				"ftbridge.fivetran.limits.setup-tests-per-minute=200", "ftbridge.command.commit-interval=200ms",
				"resilience4j.circuitbreaker.instances.fivetran.minimum-number-of-calls=5",
				"resilience4j.circuitbreaker.instances.fivetran.sliding-window-size=5",
				"resilience4j.circuitbreaker.instances.fivetran.wait-duration-in-open-state=1s" })
@EmbeddedKafka(partitions = 3, brokerProperties = "group.initial.rebalance.delay.ms=0")
public abstract class SandboxBridgeTest {

	protected static final double TIME_SCALE = 30;

	protected static final FivetranSandbox sandbox = FivetranSandbox.start(SandboxSettings.defaults()
		.withCredentials("sandbox-key", "sandbox-secret")
		.withTimeScale(TIME_SCALE)
		.withLatency(Latency.disabled())
		.withLimits(Limits.paid()));

	protected static final Duration WAIT = Duration.ofSeconds(90);

	private BridgeClients clients;

	@Autowired
	protected EmbeddedKafkaBroker broker;

	@DynamicPropertySource
	static void sandboxProperties(DynamicPropertyRegistry registry) {
		registry.add("ftbridge.fivetran.base-url", () -> sandbox.baseUrl().toString());
	}

	@BeforeEach
	protected void connect() {
		this.clients = BridgeClients.of(this.broker.getBrokersAsString());
		sandbox.faults().clear();
	}

	protected Commands commands() {
		return this.clients.commands();
	}

	protected TopicRecorder results() {
		return this.clients.results();
	}

	protected TopicRecorder deadLetters() {
		return this.clients.deadLetters();
	}

	protected TopicRecorder statuses() {
		return this.clients.statuses();
	}

	/** The first result of a command, checked against the published result schema. */
	protected TopicRecorder.Recorded resultOf(String commandId) {
		TopicRecorder.Recorded result = results().await((r) -> commandId.equals(r.dataText("command_id")), 1, WAIT)
			.get(0);
		EventSchemas.assertValid(result.json());
		return result;
	}

	/**
	 * {@code count} events a command caused on the status topic, each checked against the
	 * schema of its type.
	 */
	protected List<TopicRecorder.Recorded> statusesOf(String commandId, int count) {
		List<TopicRecorder.Recorded> found = statuses().await((r) -> commandId.equals(r.dataText("command_id")), count,
				WAIT);
		found.forEach((event) -> EventSchemas.assertValid(event.json()));
		return found;
	}

	/**
	 * Publishes a command under a new id (keyless unless {@code key} is given); its id.
	 */
	protected String sendCommand(String key, String type, String data) {
		String id = Commands.newId();
		commands().send(key, id, type, data);
		return id;
	}

	/** Publishes a keyless command under a new id; its id. */
	protected String sendCommand(String type, String data) {
		return sendCommand(null, type, data);
	}

	/**
	 * The one request the sandbox received with this method and path (fails if not one).
	 */
	protected static LoggedRequest only(String method, String path) {
		List<LoggedRequest> requests = sandbox.requestLog()
			.matching((r) -> r.method().equals(method) && r.path().equals(path));
		assertThat(requests).as("%s %s", method, path).hasSize(1);
		return requests.get(0);
	}

	protected static String unique(String prefix) {
		return prefix + "_" + Commands.newId().substring(0, 8);
	}

}
