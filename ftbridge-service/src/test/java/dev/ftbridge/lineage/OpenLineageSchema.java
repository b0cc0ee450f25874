package dev.ftbridge.lineage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

import dev.ftbridge.support.ProjectFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks run events against OpenLineage's published JSON Schema
 * (https://github.com/OpenLineage/OpenLineage, {@code spec/OpenLineage.json}, Apache
 * License 2.0), read from {@code shared/openlineage/OpenLineage.json} beside the project
 * or {@code $OPENLINEAGE_SCHEMA}. Where it is absent, says so and checks what the spec
 * requires of a run event by hand.
 */
final class OpenLineageSchema {

	private static final String ENV = "OPENLINEAGE_SCHEMA";

	private static final Path DEFAULT_LOCATION = ProjectFiles.root()
		.resolveSibling("shared")
		.resolve("openlineage/OpenLineage.json");

	private static final Schema SCHEMA = load();

	private OpenLineageSchema() {
	}

	/** Whether the published schema was found (else only the hand-written checks run). */
	static boolean available() {
		return SCHEMA != null;
	}

	static void assertValid(JsonNode event) {
		assertThat(event.path("eventType").asString()).isIn("START", "COMPLETE", "ABORT", "FAIL", "OTHER");
		assertThat(event.path("eventTime").isString()).as("eventTime").isTrue();
		assertThat(event.path("producer").isString()).as("producer").isTrue();
		assertThat(event.path("run").path("runId").asString()).matches("[0-9a-f-]{36}");
		assertThat(event.path("job").path("namespace").isString()).as("job.namespace").isTrue();
		assertThat(event.path("job").path("name").isString()).as("job.name").isTrue();
		if (SCHEMA != null) {
			List<Error> errors = SCHEMA.validate(event);
			assertThat(errors).as("against OpenLineage's schema: %s", event).isEmpty();
		}
	}

	private static Schema load() {
		String configured = System.getenv(ENV);
		Path path = (configured != null && !configured.isBlank()) ? Path.of(configured) : DEFAULT_LOCATION;
		if (!Files.isRegularFile(path)) {
			System.err.println("OpenLineage JSON Schema not found at " + path.toAbsolutePath() + " (set " + ENV
					+ "): run events are checked by hand only");
			return null;
		}
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder
					.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
		try (InputStream in = Files.newInputStream(path)) {
			return registry.getSchema(in, InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + path, ex);
		}
	}

}
