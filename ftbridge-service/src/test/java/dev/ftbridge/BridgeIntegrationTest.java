package dev.ftbridge;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftbridge.support.BridgeClients;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.EventSchemas;
import dev.ftbridge.support.MockFivetran;
import dev.ftbridge.support.TopicRecorder;

/**
 * The whole bridge against a real Kafka broker (embedded KRaft) and a real HTTP server
 * standing in for Fivetran. Subclasses share one Spring context, one broker and one mock
 * server; each test uses ids of its own, so they do not see each other's records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.apache.kafka=WARN", "ftbridge.topics.partitions=3",
				"ftbridge.fivetran.api-key=test-key", "ftbridge.fivetran.api-secret=test-secret",
				"ftbridge.fivetran.retry-backoff=20ms", "ftbridge.fivetran.read-timeout=20s",
				"ftbridge.command.commit-interval=200ms", "ftbridge.command.max-in-flight=64",
				// Tests here inject 5xx on purpose, one connection at a time: not an
				// outage.
				"resilience4j.circuitbreaker.instances.fivetran.minimum-number-of-calls=100000",
				"ftbridge.webhook.secrets=test-webhook-secret,old-webhook-secret",
				"ftbridge.webhook.accounts.eu-trial.secrets=trial-webhook-secret,trial-old-secret", })
@EmbeddedKafka(partitions = 3, brokerProperties = "group.initial.rebalance.delay.ms=0")
public abstract class BridgeIntegrationTest {

	protected static final MockFivetran fivetran = MockFivetran.shared();

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	protected static final Duration WAIT = Duration.ofSeconds(60);

	private BridgeClients clients;

	@Autowired
	protected EmbeddedKafkaBroker broker;

	@DynamicPropertySource
	static void fivetranProperties(DynamicPropertyRegistry registry) {
		registry.add("ftbridge.fivetran.base-url", () -> fivetran.baseUrl().toString());
	}

	@BeforeEach
	void connectClients() {
		String servers = this.broker.getBrokersAsString();
		boolean fresh = !BridgeClients.exist(servers);
		this.clients = BridgeClients.of(servers);
		if (fresh) {
			warmUp();
		}
	}

	@AfterAll
	static void resetFivetran() {
		fivetran.reset();
	}

	/** Waits until the bridge has joined its group and executes commands. */
	private void warmUp() {
		String id = Commands.newId();
		commands().send("warm-up", id, "fivetran.connection.status", "{\"connection_id\":\"warm-up\"}");
		resultOf(id);
	}

	protected Commands commands() {
		return this.clients.commands();
	}

	/** Publishes commands as librdkafka clients do (CRC32 of the key). */
	protected Commands librdkafkaCommands() {
		return this.clients.librdkafkaCommands();
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

	/**
	 * Waits for {@code count} results of a command and returns them, each checked against
	 * the published result schema.
	 */
	protected List<TopicRecorder.Recorded> resultsOf(String commandId, int count) {
		List<TopicRecorder.Recorded> found = results().await((r) -> commandId.equals(r.dataText("command_id")), count,
				WAIT);
		found.forEach((result) -> EventSchemas.assertValid(result.json()));
		return found;
	}

	/** Waits for {@code count} status events asked for by a command, schema-checked. */
	protected List<TopicRecorder.Recorded> statusesOf(String commandId, int count) {
		List<TopicRecorder.Recorded> found = statuses().await((r) -> commandId.equals(r.dataText("command_id")), count,
				WAIT);
		found.forEach((status) -> EventSchemas.assertValid(status.json()));
		return found;
	}

	protected TopicRecorder.Recorded resultOf(String commandId) {
		return resultsOf(commandId, 1).get(0);
	}

	protected static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
