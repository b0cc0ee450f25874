package dev.ftbridge.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code send --dry-run}: a command from flags or a file, checked as the bridge checks
 * it; bad input ends with exit code 2 and says why.
 */
class SendCommandTest {

	@Test
	void sendFromFlagsKeysTheCommandByItsResource() {
		CliRun run = CliRun.of("send", "--type", "fivetran.connection.sync", "--data",
				"{\"connection_id\":\"decent_dropsy\",\"force\":false}", "--id", "cmd-1", "--dry-run");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		String[] record = run.out().trim().split("\t");
		assertThat(record[0]).isEqualTo("decent_dropsy");
		JsonNode event = JsonInput.JSON.readTree(record[1]);
		assertThat(event.path("id").asString()).isEqualTo("cmd-1");
		assertThat(event.path("specversion").asString()).isEqualTo("1.0");
		assertThat(event.path("source").asString()).isEqualTo("urn:ftbridge:cli");
		assertThat(event.path("data").path("connection_id").asString()).isEqualTo("decent_dropsy");
	}

	@Test
	void sendNamesTheFivetranAccountAndTheBridgeReaderChecksIt(@TempDir Path dir) throws Exception {
		CliRun named = CliRun.of("send", "--type", "fivetran.connection.pause", "--data", "{\"connection_id\":\"c1\"}",
				"--account", "eu-trial", "--dry-run");
		Path event = Files.writeString(dir.resolve("event.json"),
				"{\"specversion\":\"1.0\",\"id\":\"e1\",\"source\":\"urn:me\",\"fivetranaccount\":\"us\","
						+ "\"type\":\"fivetran.connection.pause\",\"data\":{\"connection_id\":\"c1\"}}");
		CliRun fromFile = CliRun.of("send", "--file", event.toString(), "--dry-run");
		CliRun none = CliRun.of("send", "--type", "fivetran.connection.pause", "--data", "{\"connection_id\":\"c1\"}",
				"--dry-run");
		CliRun malformed = CliRun.of("send", "--type", "fivetran.connection.pause", "--data",
				"{\"connection_id\":\"c1\"}", "--account", "EU Trial", "--dry-run");

		assertThat(named.exitCode()).as(named.toString()).isZero();
		assertThat(JsonInput.JSON.readTree(named.out().trim().split("\t")[1]).path("fivetranaccount").asString())
			.isEqualTo("eu-trial");
		assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();
		assertThat(fromFile.out()).contains("\"fivetranaccount\":\"us\"");
		assertThat(none.out()).doesNotContain("fivetranaccount");
		assertThat(malformed.exitCode()).isEqualTo(2);
		assertThat(malformed.err()).contains("INVALID_ATTRIBUTE").doesNotContain("EU Trial");
	}

	@Test
	void sendTakesAWholeCloudEventOrJustDataFromAFile(@TempDir Path dir) throws Exception {
		Path event = Files.writeString(dir.resolve("event.json"),
				"{\"specversion\":\"1.0\",\"id\":\"from-file\",\"source\":\"urn:me\","
						+ "\"type\":\"fivetran.group.status\",\"data\":{\"group_id\":\"projected_sickle\"}}");
		Path data = Files.writeString(dir.resolve("data.json"), "{\"connection_id\":\"c1\"}");

		CliRun whole = CliRun.of("send", "--file", event.toString(), "--dry-run");
		CliRun justData = CliRun.of("send", "--type", "fivetran.connection.pause", "--data", "@" + data, "--dry-run");

		assertThat(whole.exitCode()).as(whole.toString()).isZero();
		assertThat(whole.out()).startsWith("projected_sickle\t")
			.contains("\"id\":\"from-file\"", "\"source\":\"urn:me\"");
		assertThat(justData.exitCode()).as(justData.toString()).isZero();
		assertThat(justData.out()).startsWith("c1\t").contains("\"type\":\"fivetran.connection.pause\"");
	}

	@Test
	void sendRefusesWhatTheBridgeWouldReject() {
		CliRun schema = CliRun.of("send", "--type", "fivetran.connection.pause", "--data", "{\"connection\":\"c1\"}",
				"--dry-run");
		CliRun unknown = CliRun.of("send", "--type", "fivetran.connection.teleport", "--data", "{\"name\":\"g\"}",
				"--dry-run");
		CliRun notJson = CliRun.of("send", "--type", "fivetran.connection.pause", "--data", "{connection_id:",
				"--dry-run");
		CliRun noType = CliRun.of("send", "--data", "{\"connection_id\":\"c1\"}", "--dry-run");

		assertThat(schema.exitCode()).isEqualTo(2);
		// {"connection": "c1"}: the name form is an object ({group_id | group_name,
		// schema})
		assertThat(schema.err()).contains("SCHEMA_VIOLATION", "/connection", "object expected");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err()).contains("UNKNOWN_TYPE", "fivetran.connection.teleport", "no schema",
				"fivetran.connection.create");
		assertThat(notJson.exitCode()).isEqualTo(2);
		assertThat(notJson.err()).contains("--data is not valid JSON");
		assertThat(noType.exitCode()).isEqualTo(2);
		assertThat(noType.err()).contains("Missing --type");
		assertThat(schema.out() + unknown.out() + notJson.out() + noType.out()).isEmpty();
	}

}
