package dev.ftbridge.command;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftbridge.support.Commands;
import dev.ftbridge.support.MockFivetran;
import dev.ftbridge.support.TopicRecorder;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command flow against a real Kafka broker in a container, for machines with Docker.
 * Skipped where there is no Docker engine; the same behaviour is covered against the
 * embedded broker by {@link CommandFlowIntegrationTest} and
 * {@link PoisonCommandIntegrationTest}.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = { "ftbridge.topics.partitions=3", "ftbridge.fivetran.api-key=test-key",
		"ftbridge.fivetran.api-secret=test-secret", "server.port=0", "management.server.port=0" })
class CommandFlowContainerTest {

	@Container
	@ServiceConnection
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

	private static final MockFivetran fivetran = MockFivetran.shared();

	@DynamicPropertySource
	static void fivetranProperties(DynamicPropertyRegistry registry) {
		registry.add("ftbridge.fivetran.base-url", () -> fivetran.baseUrl().toString());
	}

	@AfterAll
	static void forget() {
		fivetran.reset();
	}

	@Test
	void pauseAndPoisonThroughARealBroker() {
		String connection = CommandFlowIntegrationTest.unique("tc");
		try (Commands commands = new Commands(kafka.getBootstrapServers(), "fivetran.commands");
				TopicRecorder results = new TopicRecorder(kafka.getBootstrapServers(), "fivetran.command-results");
				TopicRecorder deadLetters = new TopicRecorder(kafka.getBootstrapServers(), "fivetran.commands-dlt")) {
			String id = Commands.newId();
			commands.sendRaw(connection, "not json".getBytes(), java.util.Map.of());
			commands.send(connection, id, "fivetran.connection.pause", "{\"connection_id\":\"" + connection + "\"}");
			Recorded result = results.await((r) -> id.equals(r.dataText("command_id")), 1, Duration.ofSeconds(90))
				.get(0);
			assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
			assertThat(fivetran.requests("PATCH", "/v1/connections/" + connection)).hasSize(1);
			Recorded letter = deadLetters.await((r) -> connection.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
			assertThat(letter.header("ftbridge_dlt_reason")).isEqualTo("NOT_JSON");
		}
	}

}
