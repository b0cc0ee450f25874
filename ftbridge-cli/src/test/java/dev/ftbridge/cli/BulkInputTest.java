package dev.ftbridge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ftbridge.resilience.SandboxBridgeTest;
import dev.ftbridge.support.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bad CSV file or template fails the whole batch before anything is sent, naming the
 * row (and line) and the reason, with exit code 2 — with a real broker at hand, so that a
 * partial batch would show.
 */
class BulkInputTest extends SandboxBridgeTest {

	@TempDir
	Path dir;

	@Test
	void badRowsAndTemplatesFailWithTheRowAndReasonAndPublishNothing() throws Exception {
		String group = unique("bad");
		String rows = BulkCommandTest.csv(500);
		Path good = template("good.json", BulkCommandTest.TEMPLATE);
		List<CliRun> runs = new ArrayList<>();

		CliRun ragged = bulk(csv("ragged.csv", rows.replace("s250,postgres,db250.internal,5432,db250,fivetran",
				"s250,postgres,db250.internal,5432,fivetran")), good, group);
		CliRun notANumber = bulk(csv("port.csv", rows.replace("db7.internal,5432", "db7.internal,54x2")), good, group);
		CliRun twice = bulk(csv("twice.csv", rows + "s2,postgres,db2.internal,5432,db2,fivetran\n"), good, group);
		CliRun missingColumn = bulk(csv("columns.csv", "schema,service,host,database,user\ns1,postgres,h,d,u\n"), good,
				group);
		runs.addAll(List.of(ragged, notANumber, twice, missingColumn));
		assertThat(ragged.err()).contains("1 of 500 rows", "nothing was published",
				"row 250 (line 251): has 5 values, the header has 6 columns");
		assertThat(notANumber.err())
			.contains("row 7 (line 8): '54x2' for {{port:number}} at data.config.port is not a number");
		assertThat(twice.err()).contains("row 501 (line 502): gives the same command as row 2 (line 3)");
		assertThat(missingColumn.err()).contains("columns.csv line 1 (header): no column 'port'",
				"(columns: schema, service, host, database, user; or pass --set port=VALUE)");

		Path csv = csv("rows.csv", rows);
		CliRun notJson = bulk(csv, template("broken.json", "{\"type\": \"fivetran.connection.create\", \"data\": {"),
				group);
		CliRun badType = bulk(csv, template("int.json", BulkCommandTest.TEMPLATE.replace("port:number", "port:int")),
				group);
		CliRun typo = bulk(csv, template("typo.json", BulkCommandTest.TEMPLATE.replace("{{host}}", "{{hots}}")), group);
		CliRun violation = bulk(csv, template("frequency.json", BulkCommandTest.TEMPLATE.replace("\"run_setup_tests\"",
				"\"sync_frequency\": \"{{port:number}}\", \"run_setup_tests\"")), group);
		CliRun noSchema = bulk(csv,
				template("admin.json",
						BulkCommandTest.TEMPLATE.replace("fivetran.connection.create", "fivetran.connection.teleport")),
				group);
		runs.addAll(List.of(notJson, badType, typo, violation, noSchema));
		assertThat(notJson.err()).contains("broken.json is not valid JSON", "line 1");
		assertThat(badType.err()).contains("unknown placeholder type 'int' in {{port:int}} at data.config.port");
		assertThat(typo.err()).contains("no column 'hots' for the template's {{hots}} at data.config.host");
		assertThat(violation.err()).contains("500 of 500 rows", "row 1 (line 2): SCHEMA_VIOLATION", "sync_frequency");
		assertThat(noSchema.err()).contains("row 1 (line 2): UNKNOWN_TYPE", "fivetran.destination.create", "no schema");

		for (CliRun run : runs) {
			assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
			assertThat(run.out()).isEmpty();
		}
		assertNothingPublishedFor(group);
	}

	/**
	 * A marker sent after the failed runs arrives alone: no record of theirs came before
	 * it.
	 */
	private void assertNothingPublishedFor(String group) {
		try (TopicRecorder commands = new TopicRecorder(this.broker.getBrokersAsString(), "fivetran.commands")) {
			CliRun marker = CliRun.of("send", "--bootstrap-servers", this.broker.getBrokersAsString(), "--type",
					"fivetran.group.status", "--data", "{\"group_id\":\"" + group + "\"}");
			assertThat(marker.exitCode()).as(marker.toString()).isZero();
			commands.await((r) -> new String(r.value()).contains(group), 1, WAIT);
			await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
			assertThat(commands.matching((r) -> new String(r.value()).contains(group))).singleElement()
				.satisfies((r) -> assertThat(r.json().path("type").asString()).isEqualTo("fivetran.group.status"));
		}
	}

	private CliRun bulk(Path csv, Path template, String group) {
		return CliRun.of("bulk", "--bootstrap-servers", this.broker.getBrokersAsString(), "--csv", csv.toString(),
				"--template", template.toString(), "--set", "group_id=" + group);
	}

	private Path csv(String name, String content) throws Exception {
		return Files.writeString(this.dir.resolve(name), content);
	}

	private Path template(String name, String content) throws Exception {
		return Files.writeString(this.dir.resolve(name), content);
	}

}
