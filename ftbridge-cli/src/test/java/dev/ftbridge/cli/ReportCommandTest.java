package dev.ftbridge.cli;

import dev.ftbridge.support.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

import dev.ftbridge.resilience.SandboxBridgeTest;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classic quickstart through the CLI, against the real bridge and the Fivetran
 * sandbox: SQL Server connections from a CSV file without a header ({@code --columns})
 * through the shipped template, followed with {@code watch --json}, and summed up by
 * {@code report} — attempted, succeeded, failed with its reason, no result, elapsed.
 */
class ReportCommandTest extends SandboxBridgeTest {

	private static final String TEMPLATE = ProjectFiles.path("examples/templates/sql-server-connection.json")
		.toString();

	private static final String COLUMNS = "schema_prefix,host,database,user";

	private static final Map<String, String> ENVIRONMENT = Map.of("SQL_SERVER_PASSWORD", "from-the-environment");

	@TempDir
	Path dir;

	@Test
	void headerlessRowsAreCreatedWatchedAsJsonAndReported() throws Exception {
		String group = sandbox.state().addGroup(unique("report")).id();
		Path csv = Files.writeString(this.dir.resolve("sqlserver.csv"), """
				crm_sql,crm-db.internal.example,crm,fivetran
				erp_sql,erp-db.internal.example,erp,fivetran
				hr_sql,hr-db.internal.example,hr,fivetran
				""");

		CliRun dryRun = CliRun.bulk(ENVIRONMENT, "--csv", csv.toString(), "--columns", COLUMNS, "--template", TEMPLATE,
				"--set", "group_id=" + group, "--dry-run");
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(dryRun.lines()).hasSize(3).first().asString().startsWith(group + "/crm_sql\t");
		JsonNode first = JsonInput.JSON.readTree(dryRun.lines().get(0).split("\t", 2)[1]).path("data");
		assertThat(first.path("config").path("port").asInt()).isEqualTo(1433);
		assertThat(first.path("config").path("schema_prefix").asString()).isEqualTo("crm_sql");
		assertThat(first.path("paused").asBoolean()).isTrue();
		assertThat(dryRun.out()).doesNotContain("from-the-environment");

		CliRun bulk = CliRun.bulk(ENVIRONMENT, "--bootstrap-servers", servers(), "--csv", csv.toString(), "--columns",
				COLUMNS, "--template", TEMPLATE, "--set", "group_id=" + group);
		CliRun failing = CliRun.of("send", "--bootstrap-servers", servers(), "--type", "fivetran.connection.pause",
				"--data", "{\"connection_id\":\"" + unique("missing") + "\"}");
		assertThat(bulk.exitCode()).as(bulk.toString()).isZero();
		assertThat(failing.exitCode()).as(failing.toString()).isZero();
		List<String> sent = new ArrayList<>(bulk.ids());
		sent.addAll(failing.ids());
		Path sentFile = Files.write(this.dir.resolve("sent.txt"), sent);

		CliRun watch = CliRun.of("watch", "--bootstrap-servers", servers(), "--ids-from", sentFile.toString(),
				"--until-done", "--max-wait", "60s", "--json");
		assertThat(watch.exitCode()).as(watch.toString()).isEqualTo(1);
		List<JsonNode> events = watch.lines().stream().map(JsonInput.JSON::readTree).toList();
		assertThat(events).allSatisfy((event) -> assertThat(event.path("specversion").asString()).isEqualTo("1.0"));
		assertThat(events.stream()
			.filter((event) -> !"ACCEPTED".equals(event.path("data").path("outcome").asString("ACCEPTED")))
			.map((event) -> event.path("data").path("command_id").asString())).containsAll(sent);
		assertThat(watch.out()).doesNotContain("\u001b[");
		assertThat(watch.err()).contains("4 commands finished: {FAILED=1, SUCCEEDED=3}", "1 did not succeed");

		String neverSent = unique("never-sent");
		Files.writeString(sentFile, neverSent + "\n", java.nio.file.StandardOpenOption.APPEND);
		CliRun report = CliRun.of("report", "--bootstrap-servers", servers(), "--ids-from", sentFile.toString());
		assertThat(report.exitCode()).as(report.toString()).isEqualTo(1);
		assertThat(report.lines()).hasSize(7);
		assertThat(report.lines().get(0).split("\\s+")).containsExactly("COMMAND", "TYPE", "RESOURCE", "PART",
				"OUTCOME", "ELAPSED", "REASON");
		for (String id : bulk.ids()) {
			assertThat(line(report, id).split("\\s+")).startsWith(id, "fivetran.connection.create");
			assertThat(line(report, id)).contains(" SUCCEEDED ");
		}
		Recorded failure = finalResult(failing.ids().get(0));
		assertThat(failure.dataText("outcome")).isEqualTo("FAILED");
		assertThat(line(report, failing.ids().get(0))).contains(" FAILED ")
			.endsWith(failure.dataText("reason"))
			.contains("fivetran.connection.pause");
		assertThat(line(report, neverSent)).contains("NO RESULT", "no result on the topic");
		assertThat(report.lines().get(6)).startsWith("attempted 5: succeeded 3, failed 1, no final result 1; elapsed ")
			.contains(" s (from ");

		CliRun csvReport = CliRun.of("report", "--bootstrap-servers", servers(), "--ids-from", sentFile.toString(),
				"--csv");
		List<Map<String, String>> rows = csv(csvReport.out());
		assertThat(rows).extracting((row) -> row.get("command_id"))
			.containsExactlyElementsOf(sentAndNever(sent, neverSent));
		assertThat(csvReport.err()).startsWith("attempted 5: succeeded 3, failed 1, no final result 1");
		Recorded created = finalResult(bulk.ids().get(1));
		long expected = Duration
			.between(Instant.parse(created.dataText("received_at")), Instant.parse(created.dataText("finished_at")))
			.toMillis();
		assertThat(rows.get(1).get("elapsed_ms")).isEqualTo(Long.toString(expected));
		assertThat(rows.get(1).get("resource_id")).isEqualTo(created.dataText("resource_id"));
		assertThat(rows.get(3).get("reason")).isEqualTo(failure.dataText("reason"));
		assertThat(rows.get(4).get("outcome")).isEqualTo("NO RESULT");

		assertThat(sandbox.requestLog()
			.matching((r) -> r.applied() && r.method().equals("POST") && r.path().equals("/v1/connections")
					&& r.body().contains(group)))
			.hasSize(3)
			.allSatisfy((r) -> assertThat(r.body()).contains("\"service\":\"sql_server\"", "\"port\":1433",
					"\"paused\":true", "\"schema_prefix\":\"", "\"password\":\"from-the-environment\""));
	}

	@Test
	void headerlessRowsAreCheckedAgainstTheNamedColumns() throws Exception {
		Path csv = Files.writeString(this.dir.resolve("ragged.csv"), """
				crm_sql,crm-db.internal.example,crm,fivetran
				erp_sql,erp-db.internal.example,fivetran
				""");

		CliRun ragged = CliRun.bulk(ENVIRONMENT, "--csv", csv.toString(), "--columns", COLUMNS, "--template", TEMPLATE,
				"--set", "group_id=g", "--dry-run");
		CliRun missing = CliRun.bulk(ENVIRONMENT, "--csv", csv.toString(), "--columns", "prefix,host,database,user",
				"--template", TEMPLATE, "--set", "group_id=g", "--dry-run");
		CliRun twice = CliRun.bulk(ENVIRONMENT, "--csv", csv.toString(), "--columns", "host,host", "--template",
				TEMPLATE, "--dry-run");

		assertThat(ragged.exitCode()).as(ragged.toString()).isEqualTo(2);
		assertThat(ragged.err()).contains("1 of 2 rows", "row 2 (line 2): has 3 values, the header has 4 columns");
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err()).contains("ragged.csv --columns: no column 'schema_prefix'");
		assertThat(twice.err()).contains("--columns: column 'host' appears twice");
		assertThat(ragged.out() + missing.out() + twice.out()).isEmpty();
	}

	private static List<String> sentAndNever(List<String> sent, String neverSent) {
		List<String> all = new ArrayList<>(sent);
		all.add(neverSent);
		return all;
	}

	private Recorded finalResult(String id) {
		return results()
			.await((r) -> id.equals(r.dataText("command_id")) && !"ACCEPTED".equals(r.dataText("outcome")), 1, WAIT)
			.get(0);
	}

	private static String line(CliRun run, String id) {
		return run.lines().stream().filter((line) -> line.startsWith(id + " ")).findFirst().orElseThrow();
	}

	private static List<Map<String, String>> csv(String text) throws Exception {
		try (MappingIterator<Map<String, String>> rows = CsvMapper.builder()
			.build()
			.readerForMapOf(String.class)
			.with(CsvSchema.emptySchema().withHeader())
			.readValues(text)) {
			return rows.readAll();
		}
	}

	private String servers() {
		return this.broker.getBrokersAsString();
	}

}
