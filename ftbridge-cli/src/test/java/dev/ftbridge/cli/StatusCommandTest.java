package dev.ftbridge.cli;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ftbridge.resilience.SandboxBridgeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code status} against the real bridge and the Fivetran sandbox: after a group status
 * and a few commands, the table shows exactly the states the sandbox has; filters,
 * sorting, JSON, CSV and {@code --follow}.
 */
class StatusCommandTest extends SandboxBridgeTest {

	@Test
	void statusShowsTheStatesTheBridgePublished() throws Exception {
		String group = sandbox.state().addGroup(unique("status")).id();
		String ok = sandbox.state().addConnection(group, "postgres", unique("s"));
		String paused = sandbox.state().addConnection(group, "mysql", unique("s"));
		ObjectNode failing = JsonInput.JSON.createObjectNode().put("sandbox_setup", "fail");
		String broken = sandbox.state().addConnection(group, "oracle", unique("s"), failing);
		run("fivetran.connection.pause", "{\"connection_id\":\"" + paused + "\"}");
		run("fivetran.group.status", "{\"group_id\":\"" + group + "\"}");

		CliRun table = status("--group-id", group);
		assertThat(table.exitCode()).as(table.toString()).isZero();
		assertThat(table.lines()).hasSize(4);
		assertThat(table.lines().get(0)).startsWith("CONNECTION").contains("SETUP", "SYNC", "PAUSED", "LAST FAILURE");
		for (String connection : List.of(ok, paused, broken)) {
			JsonNode details = sandbox.state().connectionDetails(connection).orElseThrow();
			String row = table.lines()
				.stream()
				.filter((line) -> line.startsWith(connection + " "))
				.findFirst()
				.orElseThrow();
			assertThat(row.split("\\s+")).as(row)
				.startsWith(connection, group, details.path("service").asString(),
						details.path("status").path("setup_state").asString(),
						details.path("status").path("sync_state").asString(),
						Boolean.toString(details.path("paused").asBoolean()));
		}
		assertThat(
				sandbox.state().connectionDetails(broken).orElseThrow().path("status").path("setup_state").asString())
			.isEqualTo("broken");

		CliRun failingOnly = status("--group-id", group, "--failing");
		CliRun json = status("--group-id", group, "--json", "--sort", "service", "--desc");
		CliRun csv = status("--group-id", group, "--csv", "--setup-state", "connected");
		assertThat(failingOnly.lines()).hasSize(2);
		assertThat(failingOnly.lines().get(1)).startsWith(broken + " ");
		JsonNode rows = JsonInput.JSON.readTree(json.out());
		assertThat(rows.findValuesAsString("service")).containsExactly("postgres", "oracle", "mysql");
		assertThat(rows.get(2).path("paused").asBoolean()).isTrue();
		assertThat(rows.get(1).path("failing").asBoolean()).isTrue();
		assertThat(csv.lines()).hasSize(3);
		assertThat(csv.lines().get(0))
			.isEqualTo("connection_id,group_id,service,setup_state,sync_state,paused,sync_start,sync_end,last_failure");
		assertThat(csv.out()).contains(ok + "," + group + ",postgres,connected,").doesNotContain(broken);
	}

	@Test
	void followPrintsEachChangeOrRedrawsTheTable() throws Exception {
		String group = sandbox.state().addGroup(unique("follow")).id();
		String connection = sandbox.state().addConnection(group, "postgres", unique("s"));
		StringWriter lines = new StringWriter();
		StringWriter screen = new StringWriter();
		CompletableFuture<CliRun> perChange = CompletableFuture.supplyAsync(() -> CliRun.of(lines,
				withServers("status", "--group-id", group, "--follow", "--no-redraw", "--max-wait", "20s")));
		CompletableFuture<CliRun> redrawn = CompletableFuture.supplyAsync(() -> CliRun.of(screen,
				withServers("status", "--group-id", group, "--follow", "--redraw", "--max-wait", "20s")));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> lines.toString().startsWith("CONNECTION") && screen.toString().contains("CONNECTION"));

		run("fivetran.connection.status", "{\"connection_id\":\"" + connection + "\"}");
		run("fivetran.connection.pause", "{\"connection_id\":\"" + connection + "\"}");
		run("fivetran.connection.status", "{\"connection_id\":\"" + connection + "\"}");

		CliRun changes = perChange.get(40, TimeUnit.SECONDS);
		CliRun redraws = redrawn.get(40, TimeUnit.SECONDS);
		assertThat(changes.exitCode()).as(changes.toString()).isZero();
		List<String> changeLines = changes.lines()
			.stream()
			.filter((line) -> line.startsWith(connection + "\t"))
			.toList();
		assertThat(changeLines).as(changes.out()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(changeLines.get(0).split("\t")[5]).isEqualTo("false");
		assertThat(changeLines.get(changeLines.size() - 1).split("\t")[5]).isEqualTo("true");
		assertThat(redraws.out().split("\u001b\\[H\u001b\\[2J", -1))
			.as("the table drawn at the start and again per change")
			.hasSizeGreaterThanOrEqualTo(3);
		String lastScreen = redraws.out().substring(redraws.out().lastIndexOf("\u001b[2J"));
		assertThat(lastScreen).contains(connection)
			.containsPattern(connection + "\\s+" + group + "\\s+postgres\\s+\\S+\\s+\\S+\\s+true");
	}

	@Test
	void followOnAPseudoTerminalRedrawsTheTable() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script gives the CLI a terminal");
		String group = sandbox.state().addGroup(unique("pty")).id();
		String connection = sandbox.state().addConnection(group, "postgres", unique("s"));
		run("fivetran.connection.status", "{\"connection_id\":\"" + connection + "\"}");
		String cli = String.join(" ", ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), BridgeCli.class.getName(), "status", "--group-id", group,
				"--follow", "--max-wait", "25s", "--bootstrap-servers", this.broker.getBrokersAsString());
		Path screen = Files.createTempFile("status-pty", ".txt");
		// script runs the CLI on a pseudo-terminal and copies what it draws to the file
		Process process = new ProcessBuilder("/usr/bin/script", "-qfec", cli, screen.toString())
			.redirectInput(ProcessBuilder.Redirect.PIPE)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectErrorStream(true)
			.start();
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> Files.readString(screen).contains(connection));
			run("fivetran.connection.pause", "{\"connection_id\":\"" + connection + "\"}");
			run("fivetran.connection.status", "{\"connection_id\":\"" + connection + "\"}");
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> lastScreen(Files.readString(screen))
					.matches("(?s).*" + connection + "\\s+" + group + "\\s+postgres\\s+\\S+\\s+\\S+\\s+true.*"));
			String drawn = Files.readString(screen);
			assertThat(drawn.split("\u001b\\[H\u001b\\[2J", -1)).as("drawn, then redrawn in place")
				.hasSizeGreaterThanOrEqualTo(3);
			assertThat(lastScreen(drawn).lines().filter((line) -> line.contains(connection))).hasSize(1);
		}
		finally {
			process.destroy();
			process.waitFor(10, TimeUnit.SECONDS);
			Files.deleteIfExists(screen);
		}
	}

	private static String lastScreen(String drawn) {
		int at = drawn.lastIndexOf("\u001b[2J");
		return (at < 0) ? "" : drawn.substring(at);
	}

	private void run(String type, String data) {
		String id = unique("cmd");
		commands().send(null, id, type, data);
		results().await((r) -> id.equals(r.dataText("command_id")) && "SUCCEEDED".equals(r.dataText("outcome")), 1,
				WAIT);
	}

	private CliRun status(String... args) {
		List<String> all = new ArrayList<>(List.of("status"));
		all.addAll(List.of(args));
		return CliRun.of(withServers(all.toArray(String[]::new)));
	}

	private String[] withServers(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--bootstrap-servers", this.broker.getBrokersAsString()));
		return all.toArray(String[]::new);
	}

}
