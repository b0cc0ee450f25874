package dev.ftbridge.command;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.ftbridge.BridgeIntegrationTest;
import dev.ftbridge.events.EventPublisher;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.MockFivetran.Response;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing stalls, nothing is left unfinished: a command that fails in a way nobody
 * planned for still gets a result, and its partition's offsets still move on.
 */
class UnfinishedCommandIntegrationTest extends BridgeIntegrationTest {

	@Test
	void anUnexpectedExceptionEndsTheCommandFailedAndCommitsGoOn() throws Exception {
		String group = CommandFlowIntegrationTest.unique("npe");
		// A Retry-After too large for a millisecond count: an unplanned runtime failure
		// inside the command (overflow), with a secret-looking message nowhere near it.
		fivetran.when((r) -> r.path().equals("/v1/connections/" + group),
				(r) -> Response.error(429, "TooManyRequests", "slow down")
					.withHeader("Retry-After", "99999999999999999"));
		String id = Commands.newId();
		commands().send(group, id, "fivetran.connection.pause", "{\"connection_id\":\"" + group + "\"}");
		Recorded result = resultOf(id);
		assertThat(result.dataText("outcome")).isEqualTo("FAILED");
		assertThat(result.dataText("reason")).startsWith("unexpected error");
		assertThat(result.data().path("retryable").asBoolean(true)).isFalse();

		fivetran.when((r) -> r.path().equals("/v1/connections/" + group),
				(r) -> Response.json(200, "{\"code\":\"Success\",\"data\":{\"id\":\"" + group + "\"}}"));
		String next = Commands.newId();
		commands().send(group, next, "fivetran.connection.pause", "{\"connection_id\":\"" + group + "\"}");
		Recorded after = resultOf(next);
		assertThat(after.dataText("outcome")).isEqualTo("SUCCEEDED");
		long failedOffset = Long.parseLong(result.header(EventPublisher.COMMAND_OFFSET_HEADER));
		assertThat(failedOffset).isGreaterThanOrEqualTo(0);
		TopicPartition partition = new TopicPartition("fivetran.commands", result.partition());
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			Awaitility.await().atMost(WAIT).untilAsserted(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("ftbridge")
					.partitionsToOffsetAndMetadata()
					.get();
				assertThat(committed.get(partition)).isNotNull();
				assertThat(committed.get(partition).offset()).as("committed past the failed command")
					.isGreaterThan(failedOffset);
			});
		}
	}

}
