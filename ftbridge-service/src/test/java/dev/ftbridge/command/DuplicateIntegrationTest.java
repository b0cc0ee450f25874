package dev.ftbridge.command;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.ftbridge.BridgeIntegrationTest;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command id is the idempotency key: a command published several times runs once, and
 * every repeat gets a {@code DUPLICATE} result pointing at the original — also after the
 * consumer restarts, when the ledger is rebuilt from the result topic.
 */
class DuplicateIntegrationTest extends BridgeIntegrationTest {

	@Autowired
	private CommandConsumer consumer;

	@Test
	void aDuplicateStormRunsEachCommandOnceAlsoAfterARestart() {
		String run = CommandFlowIntegrationTest.unique("dup");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			ids.add(Commands.newId());
		}
		for (int copy = 0; copy < 3; copy++) {
			for (int i = 0; i < ids.size(); i++) {
				String connection = run + "_" + i;
				commands().sendAsync(connection, ids.get(i), "fivetran.connection.pause",
						"{\"connection_id\":\"" + connection + "\"}");
			}
		}
		commands().flush();
		for (String id : ids) {
			List<Recorded> results = resultsOf(id, 3);
			assertThat(results).extracting((r) -> r.dataText("outcome"))
				.containsExactlyInAnyOrder("SUCCEEDED", "DUPLICATE", "DUPLICATE");
			assertThat(results).filteredOn((r) -> "DUPLICATE".equals(r.dataText("outcome")))
				.allSatisfy((r) -> assertThat(r.dataText("original_command_id")).isEqualTo(id));
		}
		for (int i = 0; i < ids.size(); i++) {
			assertThat(fivetran.requests("PATCH", "/v1/connections/" + run + "_" + i)).as("executions of %s", i)
				.hasSize(1);
		}

		this.consumer.stop();
		this.consumer.start();
		for (int i = 0; i < 50; i++) {
			String connection = run + "_" + i;
			commands().sendAsync(connection, ids.get(i), "fivetran.connection.pause",
					"{\"connection_id\":\"" + connection + "\"}");
		}
		commands().flush();
		for (int i = 0; i < 50; i++) {
			List<Recorded> results = resultsOf(ids.get(i), 4);
			assertThat(results).filteredOn((r) -> "DUPLICATE".equals(r.dataText("outcome"))).hasSize(3);
			assertThat(fivetran.requests("PATCH", "/v1/connections/" + run + "_" + i))
				.as("still one execution after the restart")
				.hasSize(1);
		}
		System.out.printf("duplicates: 100 commands x 3 copies + 50 after a restart: 100 executions, 250 DUPLICATE%n");
	}

}
