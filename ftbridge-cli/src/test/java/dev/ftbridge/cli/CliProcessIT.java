package dev.ftbridge.cli;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ftbridge.resilience.SandboxBridgeTest;
import dev.ftbridge.support.ProjectFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's quickstart as a user runs it, after {@code package}: {@code bin/ftbridge}
 * in JVMs of its own, from the bridge's jar, against the bridge and the Fivetran sandbox
 * — bulk-create the connections of {@code schemas.csv} through the shipped template,
 * watch them finish, and give up in time when Kafka is not there.
 */
class CliProcessIT extends SandboxBridgeTest {

	@TempDir
	Path dir;

	@Test
	void theQuickstartCreatesTheConnectionsOfSchemasCsvAndWatchesThemFinish() throws Exception {
		String group = sandbox.state().addGroup(unique("quickstart")).id();
		Path sent = this.dir.resolve("sent.txt");

		Run bulk = ftbridge(List.of("bulk", "--csv", "examples/schemas.csv", "--template",
				"examples/templates/database-connection.json", "--set", "group_id=" + group, "--idempotency-seed",
				unique("seed")));
		Files.writeString(sent, bulk.out());
		Run watch = ftbridge(List.of("watch", "--ids-from", sent.toString(), "--until-done", "--max-wait", "60s"));

		assertThat(bulk.exitCode()).as(bulk.toString()).isZero();
		assertThat(bulk.out().lines()).hasSize(4).allMatch((line) -> line.contains("\tfivetran.connection.create\t"));
		assertThat(bulk.err()).contains("published 4 commands");
		assertThat(watch.exitCode()).as(watch.toString()).isZero();
		assertThat(watch.out().lines().filter((line) -> line.contains("SUCCEEDED  fivetran.connection.create")))
			.hasSize(4);
		assertThat(watch.out()).contains("4 commands finished: {SUCCEEDED=4}").doesNotContain("\u001b[");
		assertThat(sandbox.requestLog()
			.matching((r) -> r.applied() && r.method().equals("POST") && r.path().equals("/v1/connections")
					&& r.body().contains(group)))
			.hasSize(4)
			.allSatisfy((r) -> assertThat(r.body()).contains("\"password\":\"from-the-environment\"", "\"port\":"));
	}

	@Test
	void withNoKafkaTheCliSaysSoWithinItsTimeout() throws Exception {
		String nowhere = "127.0.0.1:" + closedPort();

		Run watch = ftbridge(List.of("watch", "--bootstrap-servers", nowhere, "--timeout", "3s"));

		assertThat(watch.exitCode()).as(watch.toString()).isEqualTo(3);
		assertThat(watch.err().strip()).isEqualTo("ftbridge watch: Kafka at " + nowhere
				+ " did not answer within 3.0 s; is it running, and is " + "--bootstrap-servers right?");
		// Without its own timeout the CLI would wait for Kafka's default (60 s); the
		// bound leaves a JVM start on a busy machine room and still tells the two apart.
		assertThat(watch.took()).as("3 s and a JVM start, not Kafka's 60 s").isLessThan(Duration.ofSeconds(40));
	}

	private Run ftbridge(List<String> args) throws IOException, InterruptedException {
		Path out = this.dir.resolve("out-" + System.nanoTime());
		Path err = this.dir.resolve("err-" + System.nanoTime());
		ProcessBuilder builder = new ProcessBuilder(concat("bin" + File.separator + "ftbridge", args))
			.directory(ProjectFiles.root().toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		Map<String, String> environment = builder.environment();
		environment.put("KAFKA_BOOTSTRAP_SERVERS", this.broker.getBrokersAsString());
		environment.put("DB_PASSWORD", "from-the-environment");
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		long start = System.nanoTime();
		Process process = builder.start();
		boolean ended = process.waitFor(90, TimeUnit.SECONDS);
		process.destroyForcibly();
		assertThat(ended).as("bin/ftbridge %s ended", args).isTrue();
		return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - start));
	}

	private static List<String> concat(String command, List<String> args) {
		List<String> all = new java.util.ArrayList<>(List.of(command));
		all.addAll(args);
		return all;
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private record Run(int exitCode, String out, String err, Duration took) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- out:\n" + this.out + "\n--- err:\n" + this.err;
		}

	}

}
