package dev.ftbridge.cli;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ftbridge.resilience.SandboxBridgeTest;
import dev.ftbridge.support.TopicRecorder;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bulk} and {@code watch} against the real bridge and the Fivetran sandbox: 500
 * creates from a CSV file, the same batch again (the same ids, answered DUPLICATE), a dry
 * run, and the results followed as they complete.
 */
class BulkCommandTest extends SandboxBridgeTest {

	static final String TEMPLATE = """
			{"type": "fivetran.connection.create",
			 "data": {"group_id": "{{group_id}}", "service": "{{service}}", "run_setup_tests": false,
			          "config": {"schema": "{{schema}}", "host": "{{host}}", "port": "{{port:number}}",
			                     "database": "{{database}}", "user": "{{user}}"}}}
			""";

	@TempDir
	Path dir;

	@Test
	void bulkPublishesEveryRowOnceAndTheSameSeedGivesTheSameIds() throws Exception {
		String group = sandbox.state().addGroup(unique("bulk")).id();
		Path csv = Files.writeString(this.dir.resolve("schemas.csv"), csv(500));
		Path template = Files.writeString(this.dir.resolve("template.json"), TEMPLATE);
		String seed = unique("seed");
		TopicRecorder published = new TopicRecorder(servers(), "fivetran.commands");

		CliRun dryRun = bulk(csv, template, group, "--idempotency-seed", seed, "--dry-run");
		CliRun otherSeed = bulk(csv, template, group, "--idempotency-seed", seed + "x", "--dry-run");
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		List<String> ids = dryRun.lines().stream().map(BulkCommandTest::idOfRecord).toList();
		assertThat(new HashSet<>(ids)).hasSize(500);
		assertThat(dryRun.lines()).allMatch((line) -> line.startsWith(group + "/s"));
		assertThat(otherSeed.lines().stream().map(BulkCommandTest::idOfRecord)).hasSize(500)
			.doesNotContainAnyElementsOf(ids);

		Path idsFile = Files.write(this.dir.resolve("ids.txt"), ids);
		StringWriter watching = new StringWriter();
		CompletableFuture<CliRun> watch = CompletableFuture
			.supplyAsync(() -> CliRun.of(watching, "watch", "--bootstrap-servers", servers(), "--ids-from",
					idsFile.toString(), "--until-done", "--max-wait", "150s"));
		CliRun first = bulk(csv, template, group, "--idempotency-seed", seed);

		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(first.ids()).as("the ids the dry run showed").isEqualTo(ids);
		assertThat(first.err()).contains("published 500 commands", "idempotency seed " + seed);
		CliRun watched = watch.get(180, TimeUnit.SECONDS);
		assertThat(watched.exitCode()).as(watched.toString()).isZero();
		for (String id : ids) {
			assertThat(Pattern.compile("SUCCEEDED\\s+fivetran\\.connection\\.create \\S+ .*id " + id)
				.matcher(watched.out())
				.find()).as("a SUCCEEDED line for %s", id).isTrue();
		}
		assertThat(watched.out()).contains("500 commands finished: {SUCCEEDED=500}");
		assertThat(published.await((r) -> ids.contains(r.json().path("id").asString()), 500, WAIT))
			.as("what the dry run printed was not published")
			.hasSize(500);

		CliRun again = bulk(csv, template, group, "--idempotency-seed", seed);
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.ids()).isEqualTo(ids);
		List<Recorded> duplicates = results().await(
				(r) -> ids.contains(r.dataText("command_id")) && "DUPLICATE".equals(r.dataText("outcome")), 500, WAIT);
		assertThat(duplicates).hasSize(500);
		assertThat(sandbox.requestLog()
			.matching((r) -> r.applied() && r.method().equals("POST") && r.path().equals("/v1/connections")
					&& r.body().contains(group)))
			.as("connections created in the group")
			.hasSize(500);
		published.close();
	}

	private CliRun bulk(Path csv, Path template, String group, String... more) {
		List<String> args = new ArrayList<>(List.of("bulk", "--bootstrap-servers", servers(), "--csv", csv.toString(),
				"--template", template.toString(), "--set", "group_id=" + group));
		args.addAll(List.of(more));
		return CliRun.of(args.toArray(String[]::new));
	}

	private String servers() {
		return this.broker.getBrokersAsString();
	}

	static String csv(int rows) {
		StringBuilder csv = new StringBuilder("schema,service,host,port,database,user\n");
		for (int i = 1; i <= rows; i++) {
			csv.append("s")
				.append(i)
				.append(",postgres,db")
				.append(i)
				.append(".internal,5432,db")
				.append(i)
				.append(",fivetran\n");
		}
		return csv.toString();
	}

	private static String idOfRecord(String line) {
		return JsonInput.JSON.readTree(line.split("\t", 2)[1]).path("id").asString();
	}

}
