package dev.ftbridge.cli;

import dev.ftbridge.support.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every template shipped in {@code examples/templates/} renders into a command the
 * bridge's own reader accepts (its JSON Schema in {@code topics/schemas/commands/}), with
 * its environment values kept out of the printed records.
 */
class TemplatesTest {

	private static final String SECRET = "secret-from-the-environment";

	@TempDir
	Path dir;

	static Stream<Path> templates() throws IOException {
		List<Path> templates = new ArrayList<>();
		try (Stream<Path> files = Files.list(ProjectFiles.path("examples/templates"))) {
			files.filter((file) -> file.toString().endsWith(".json")).sorted().forEach(templates::add);
		}
		assertThat(templates).extracting(Path::getFileName)
			.extracting(Path::toString)
			.contains("database-connection.json", "sql-server-connection.json");
		return templates.stream();
	}

	@ParameterizedTest
	@MethodSource("templates")
	void everyShippedTemplateGivesACommandTheBridgeAccepts(Path template) throws Exception {
		CommandTemplate parsed = CommandTemplate.read(template);
		List<String> columns = new ArrayList<>();
		Map<String, String> environment = new HashMap<>();
		parsed.placeholders().keySet().forEach((name) -> {
			if (name.startsWith("env.")) {
				environment.put(name.substring(4), SECRET);
			}
			else {
				columns.add(name);
			}
		});
		// "1" is a valid string, id and number alike
		String row = String.join(",", columns.stream().map((column) -> "1").toList());
		Path csv = Files.writeString(this.dir.resolve("rows.csv"), String.join(",", columns) + "\n" + row + "\n");

		CliRun run = CliRun.bulk(environment, "--csv", csv.toString(), "--template", template.toString(), "--dry-run");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.lines()).hasSize(1);
		JsonNode command = JsonInput.JSON.readTree(run.lines().get(0).split("\t", 2)[1]);
		assertThat(command.path("type").asString()).isEqualTo(JsonInput.file(template).path("type").asString());
		assertThat(run.out()).doesNotContain(SECRET);
		if (!environment.isEmpty()) {
			assertThat(run.out()).contains("******");
		}
	}

}
