package dev.ftbridge.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema of every command type's {@code data}, loaded from
 * {@code topics/schemas/commands/} (copied onto the classpath by the build).
 */
public class CommandSchemas {

	private static final String LOCATION = "topics/schemas/commands/";

	private final Map<CommandType, Schema> schemas = new EnumMap<>(CommandType.class);

	public CommandSchemas() {
		// Formats (date-time, …) are annotations by default in 2020-12; the bridge
		// asserts them.
		SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder.schemaRegistryConfig(config));
		for (CommandType type : CommandType.values()) {
			this.schemas.put(type, load(registry, type));
		}
	}

	/** The problems with {@code data}, empty when it is valid. */
	public List<String> violations(CommandType type, JsonNode data) {
		List<Error> errors = this.schemas.get(type).validate(data);
		return errors.stream().map(Error::toString).toList();
	}

	private static Schema load(SchemaRegistry registry, CommandType type) {
		String path = LOCATION + type.type() + ".json";
		try (InputStream in = CommandSchemas.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing command schema " + path);
			}
			return registry.getSchema(in, InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
