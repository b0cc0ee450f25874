package dev.ftbridge.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no Kafka at the address, every subcommand gives up after {@code --timeout} with
 * exit code 3 and a message saying so, instead of a client retrying for a minute.
 */
class UnreachableKafkaTest {

	@Test
	void everySubcommandGivesUpWithinItsTimeout(@TempDir Path dir) throws IOException {
		String nowhere = "127.0.0.1:" + closedPort();
		Path csv = Files.writeString(dir.resolve("rows.csv"), "connection_id\nc1\n");
		Path template = Files.writeString(dir.resolve("pause.json"),
				"{\"type\":\"fivetran.connection.pause\",\"data\":{\"connection_id\":\"{{connection_id}}\"}}");

		CliRun watch = CliRun.of("watch", "--bootstrap-servers", nowhere, "--timeout", "2s");
		CliRun send = CliRun.of("send", "--bootstrap-servers", nowhere, "--timeout", "2s", "--type",
				"fivetran.connection.pause", "--data", "{\"connection_id\":\"c1\"}");
		CliRun bulk = CliRun.of("bulk", "--bootstrap-servers", nowhere, "--timeout", "2s", "--csv", csv.toString(),
				"--template", template.toString());

		CliRun dltList = CliRun.of("dlt", "list", "--bootstrap-servers", nowhere, "--timeout", "2s");
		CliRun replay = CliRun.of("dlt", "replay", "--all", "--bootstrap-servers", nowhere, "--timeout", "2s");
		CliRun status = CliRun.of("status", "--bootstrap-servers", nowhere, "--timeout", "2s");

		for (CliRun run : new CliRun[] { watch, send, bulk, dltList, replay, status }) {
			assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
			assertThat(run.err()).contains("Kafka at " + nowhere + " did not answer within 2.0 s");
			assertThat(run.took()).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(6));
			assertThat(run.out()).isEmpty();
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
