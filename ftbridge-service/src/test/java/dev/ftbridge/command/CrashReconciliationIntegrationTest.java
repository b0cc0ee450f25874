package dev.ftbridge.command;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.ftbridge.BridgeIntegrationTest;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.CrashMarks;
import dev.ftbridge.support.MockFivetran;
import dev.ftbridge.support.MockFivetran.Response;
import dev.ftbridge.support.TopicRecorder;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash between "call sent" and "result written": the command ledger holds a started
 * mark and no result. When the command is delivered again, the bridge asks Fivetran what
 * happened and never sends the costly call a second time. The marks here are written as a
 * crashed instance would have left them; the consumer restarts to read them, as after a
 * crash.
 */
class CrashReconciliationIntegrationTest extends BridgeIntegrationTest {

	private static final int PARTITIONS = 3;

	@Autowired
	private CommandConsumer consumer;

	@Test
	void startedButUnfinishedCommandsAreReconciledNotSentAgain() {
		String run = CommandFlowIntegrationTest.unique("crash");
		String group = run + "_g";
		String syncing = run + "_syncing";
		String quiet = run + "_quiet";
		fivetran.when((r) -> r.path().equals("/v1/groups/" + group + "/connections"),
				(r) -> Response.json(200, "{\"code\":\"Success\",\"data\":{\"items\":[{\"id\":\"created_before\","
						+ "\"group_id\":\"" + group + "\",\"schema\":\"sales\"}]}}"));
		fivetran.when((r) -> r.path().equals("/v1/connections/" + syncing) && r.method().equals("GET"),
				(r) -> Response.json(200, MockFivetran.details(syncing)
					.replace("\"sync_state\":\"scheduled\"", "\"sync_state\":\"syncing\"")));
		String create = Commands.newId();
		String resyncRunning = Commands.newId();
		String resyncUnknown = Commands.newId();
		Instant crashedAt = Instant.now().minusSeconds(60);
		mark(group + "/sales", create, "fivetran.connection.create", crashedAt);
		mark(syncing, resyncRunning, "fivetran.connection.resync", crashedAt);
		mark(quiet, resyncUnknown, "fivetran.connection.resync", crashedAt);
		this.consumer.stop();
		this.consumer.start();

		commands().send(group + "/sales", create, "fivetran.connection.create",
				"{\"group_id\":\"" + group + "\",\"service\":\"postgres\",\"config\":{\"schema\":\"sales\"}}");
		commands().send(syncing, resyncRunning, "fivetran.connection.resync",
				"{\"connection_id\":\"" + syncing + "\"}");
		commands().send(quiet, resyncUnknown, "fivetran.connection.resync", "{\"connection_id\":\"" + quiet + "\"}");

		Recorded created = resultOf(create);
		assertThat(created.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(created.dataText("connection_id")).isEqualTo("created_before");
		assertThat(created.dataText("reason")).contains("reconciled after a restart");
		Recorded running = resultOf(resyncRunning);
		assertThat(running.dataText("outcome")).isEqualTo("ACCEPTED");
		assertThat(running.dataText("reason")).contains("a sync is running");
		Recorded unknown = resultOf(resyncUnknown);
		assertThat(unknown.dataText("outcome")).isEqualTo("OUTCOME_UNKNOWN");
		assertThat(unknown.dataText("reason")).contains("not sent again");

		assertThat(fivetran.requests("POST", "/v1/connections").stream().filter((r) -> r.body().contains(group)))
			.as("no second create")
			.isEmpty();
		assertThat(fivetran.requests("POST", "/v1/connections/" + syncing + "/resync")).as("no second resync")
			.isEmpty();
		assertThat(fivetran.requests("POST", "/v1/connections/" + quiet + "/resync")).as("no second resync").isEmpty();
	}

	@Test
	void aDeleteStartedBeforeACrashIsSucceededIfTheConnectionIsGoneAndSentIfNot() {
		String gone = CommandFlowIntegrationTest.unique("gone");
		String still = CommandFlowIntegrationTest.unique("still");
		fivetran.when((r) -> r.path().equals("/v1/connections/" + gone) && r.method().equals("GET"),
				(r) -> Response.json(404, "{\"code\":\"NotFound_Connection\",\"message\":\"Connection with id '" + gone
						+ "' doesn't exist\"}"));
		String deletedBefore = Commands.newId();
		String notYet = Commands.newId();
		Instant crashedAt = Instant.now().minusSeconds(60);
		mark(gone, deletedBefore, "fivetran.connection.delete", crashedAt);
		mark(still, notYet, "fivetran.connection.delete", crashedAt);
		this.consumer.stop();
		this.consumer.start();

		commands().send(gone, deletedBefore, "fivetran.connection.delete", "{\"connection_id\":\"" + gone + "\"}");
		commands().send(still, notYet, "fivetran.connection.delete", "{\"connection_id\":\"" + still + "\"}");

		Recorded deleted = resultOf(deletedBefore);
		assertThat(deleted.dataText("outcome")).as("not FAILED with a 404: this command deleted it")
			.isEqualTo("SUCCEEDED");
		assertThat(deleted.dataText("reason")).contains("no longer exists", "not sent again");
		assertThat(fivetran.requests("DELETE", "/v1/connections/" + gone)).isEmpty();
		assertThat(resultOf(notYet).dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(fivetran.requests("DELETE", "/v1/connections/" + still)).hasSize(1);
	}

	@Test
	void aCostlyCommandIsMarkedBeforeTheCallAndUnmarkedAfterItsResult() {
		String connection = CommandFlowIntegrationTest.unique("mark");
		String id = Commands.newId();
		try (TopicRecorder ledger = new TopicRecorder(this.broker.getBrokersAsString(), "fivetran.command-ledger")) {
			commands().send(connection, id, "fivetran.connection.resync", "{\"connection_id\":\"" + connection + "\"}");
			assertThat(resultOf(id).dataText("outcome")).isEqualTo("ACCEPTED");
			List<Recorded> marks = ledger.await((r) -> (connection + "/" + id).equals(r.key()), 2, WAIT);
			assertThat(marks.get(0).json().path("command_id").asString()).isEqualTo(id);
			assertThat(marks.get(1).value()).as("a tombstone once the result is written").isNull();
		}
	}

	private void mark(String key, String commandId, String type, Instant startedAt) {
		CrashMarks.mark(this.broker.getBrokersAsString(), PARTITIONS, key, commandId, type, startedAt);
	}

}
