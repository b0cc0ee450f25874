package dev.ftbridge.fivetran;

import dev.ftbridge.support.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field the typed records read ({@link ConnectionDetails}, {@link SetupTestResult},
 * {@link TransformationState}, {@link Page}) is a property of the schema Fivetran's
 * OpenAPI definition gives for it. Skipped when the definition is not found (set
 * {@code FIVETRAN_OPENAPI} to its path).
 */
class FivetranPayloadsOpenApiTest {

	private static final Path DEFAULT_LOCATION = ProjectFiles.root()
		.resolveSibling("shared")
		.resolve("fivetran-openapi/open-api-spec.json");

	private static JsonNode schemas;

	@BeforeAll
	static void readOpenApiDefinition() throws IOException {
		String configured = System.getenv("FIVETRAN_OPENAPI");
		Path location = (configured != null && !configured.isBlank()) ? Path.of(configured) : DEFAULT_LOCATION;
		schemas = Files.isRegularFile(location)
				? JsonMapper.builder().build().readTree(Files.readAllBytes(location)).path("components").path("schemas")
				: null;
	}

	static Stream<Arguments> fieldsRead() {
		return Stream.of(
				Arguments.of("ConnectorResponse",
						List.of("id", "group_id", "service", "schema", "paused", "schedule_type", "sync_frequency",
								"succeeded_at", "failed_at", "status", "setup_tests")),
				Arguments.of("ConnectorStatusResponse",
						List.of("setup_state", "sync_state", "update_state", "is_historical_sync", "rescheduled_for",
								"tasks")),
				Arguments.of("SetupTestResultResponse", List.of("title", "status", "message")),
				Arguments.of("TransformationResponse", List.of("status", "last_started_at", "last_ended_at")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fieldsRead")
	void recordsReadFieldsTheOpenApiDefinitionNames(String schema, List<String> fields) {
		Assumptions.assumeTrue(schemas != null, "Fivetran's OpenAPI definition not found; skipping");
		JsonNode properties = schemas.path(schema).path("properties");
		assertThat(properties.isObject()).as("schema %s", schema).isTrue();
		assertThat(fields).allSatisfy((field) -> assertThat(properties.has(field)).as("%s.%s", schema, field).isTrue());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("statusValues")
	void enumValuesTheRecordsCompareAgainstAreFivetrans(String schema, String property, List<String> values) {
		Assumptions.assumeTrue(schemas != null, "Fivetran's OpenAPI definition not found; skipping");
		List<String> declared = new ArrayList<>();
		schemas.path(schema)
			.path("properties")
			.path(property)
			.path("enum")
			.forEach((value) -> declared.add(value.asString()));
		assertThat(declared).as("%s.%s", schema, property).containsAll(values);
	}

	static Stream<Arguments> statusValues() {
		return Stream.of(Arguments.of("SetupTestResultResponse", "status", List.of("FAILED", "JOB_FAILED")), Arguments
			.of("TransformationResponse", "status", List.of("SUCCEEDED", "PARTIALLY_SUCCEEDED", "FAILED", "CANCELED")));
	}

}
