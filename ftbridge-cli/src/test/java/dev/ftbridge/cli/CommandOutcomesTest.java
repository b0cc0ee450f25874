package dev.ftbridge.cli;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code watch --until-done} and {@code report} count a command's results: a REJECTED
 * command replayed from the dead-letter topic counts by how the replay ended, a DUPLICATE
 * never hides a real outcome, and every part of a fan-out counts.
 */
class CommandOutcomesTest {

	@Test
	void aRejectedCommandThatWasReplayedCountsByTheReplay() {
		CommandProgress progress = new CommandProgress(List.of("a", "b"));
		CommandReport report = new CommandReport(List.of("a", "b"));
		for (JsonNode event : List.of(result("a", "REJECTED", null), result("b", "REJECTED", null),
				result("a", "SUCCEEDED", null), result("a", "DUPLICATE", null))) {
			progress.record(event);
			report.record(event);
		}

		assertThat(progress.failed()).containsOnlyKeys("b");
		assertThat(progress.counts()).containsEntry("SUCCEEDED", 1).containsEntry("REJECTED", 1);
		assertThat(report.rows()).extracting(CommandReport.Row::outcome).containsExactly("SUCCEEDED", "REJECTED");
		assertThat(report.summary().succeeded()).isEqualTo(1);
		assertThat(report.summary().failed()).isEqualTo(1);
	}

	@Test
	void aFanOutIsDoneWhenEveryPartEnded() {
		CommandReport report = new CommandReport(List.of("c"));
		report.record(result("c", "SUCCEEDED", "{\"index\":0,\"of\":2}"));
		assertThat(report.complete()).isFalse();
		assertThat(report.rows()).extracting(CommandReport.Row::outcome).containsExactly("SUCCEEDED", "NO RESULT");

		report.record(result("c", "FAILED", "{\"index\":1,\"of\":2}"));
		assertThat(report.complete()).isTrue();
		assertThat(report.rows()).extracting(CommandReport.Row::part).containsExactly("1/2", "2/2");
		assertThat(report.summary().failed()).isEqualTo(1);
		assertThat(report.summary().open()).isZero();
	}

	@Test
	void aPartAcceptedForAConnectionEndsWithTheTerminalResultAboutThatConnection() {
		CommandProgress progress = new CommandProgress(List.of("h"));
		CommandReport report = new CommandReport(List.of("h"));
		for (JsonNode event : List.of(result("h", "ACCEPTED", "{\"index\":0,\"of\":2}", "c1"),
				result("h", "FAILED", "{\"index\":1,\"of\":2}", "c2"))) {
			progress.record(event);
			report.record(event);
		}
		assertThat(progress.done()).isFalse();
		assertThat(report.complete()).isFalse();

		JsonNode end = result("h", "SUCCEEDED", null, "c1");
		progress.record(end);
		report.record(end);
		assertThat(progress.done()).isTrue();
		assertThat(report.complete()).isTrue();
		assertThat(report.rows()).extracting(CommandReport.Row::outcome).containsExactly("SUCCEEDED", "FAILED");
		assertThat(report.rows()).extracting(CommandReport.Row::part).containsExactly("1/2", "2/2");
	}

	private static JsonNode result(String id, String outcome, String part, String connection) {
		return JsonInput.JSON.readTree("{\"type\":\"fivetran.command.result\",\"data\":{\"command_id\":\"" + id
				+ "\",\"command_type\":\"fivetran.group.heal\",\"outcome\":\"" + outcome + "\",\"connection_id\":\""
				+ connection + "\"" + ((part != null) ? ",\"part\":" + part : "") + "}}");
	}

	private static JsonNode result(String id, String outcome, String part) {
		return JsonInput.JSON.readTree("{\"type\":\"fivetran.command.result\",\"data\":{\"command_id\":\"" + id
				+ "\",\"command_type\":\"fivetran.connection.create\",\"outcome\":\"" + outcome + "\""
				+ ((part != null) ? ",\"part\":" + part : "") + "}}");
	}

}
