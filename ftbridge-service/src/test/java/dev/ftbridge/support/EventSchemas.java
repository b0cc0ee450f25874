package dev.ftbridge.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks published events against the schemas of the contract in
 * {@code topics/schemas/events/}.
 */
public final class EventSchemas {

	private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(builder) -> builder
				.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

	private EventSchemas() {
	}

	/**
	 * Asserts that a CloudEvent's {@code data} matches the schema of its {@code type}.
	 */
	public static void assertValid(JsonNode event) {
		String type = event.path("type").asString();
		List<Error> errors = SCHEMAS.computeIfAbsent(type, EventSchemas::load).validate(event.path("data"));
		assertThat(errors).as("%s against its schema: %s", type, event).isEmpty();
	}

	private static Schema load(String type) {
		String path = "topics/schemas/events/" + type + ".json";
		try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as("schema " + path).isNotNull();
			return REGISTRY.getSchema(in, InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
