package dev.ftbridge.contract;

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

/**
 * The JSON Schema of every command type's {@code data}, loaded from
 * {@code topics/schemas/commands/} (copied onto the classpath by the build).
 * <p>
 * The constructor only checks that every schema is there; each is compiled when its type
 * is first validated. Compiling all of them up front took about 0.6 s of CPU on the
 * start-up path (the validator's classes included), which readiness does not need.
 */
public class CommandSchemas {

	private static final String LOCATION = "topics/schemas/commands/";

	private final Map<CommandType, Schema> schemas = new ConcurrentHashMap<>();

	private volatile SchemaRegistry registry;

	public CommandSchemas() {
		for (CommandType type : CommandType.values()) {
			if (CommandSchemas.class.getClassLoader().getResource(path(type)) == null) {
				throw new IllegalStateException("Missing command schema " + path(type));
			}
		}
	}

	/** The problems with {@code data}, empty when it is valid. */
	public List<String> violations(CommandType type, JsonNode data) {
		List<Error> errors = this.schemas.computeIfAbsent(type, this::load).validate(data);
		return errors.stream().map(Error::toString).toList();
	}

	private SchemaRegistry registry() {
		SchemaRegistry current = this.registry;
		if (current == null) {
			// Formats (date-time, …) are annotations by default in 2020-12; the bridge
			// asserts them.
			SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
			current = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
					(builder) -> builder.schemaRegistryConfig(config));
			this.registry = current;
		}
		return current;
	}

	private Schema load(CommandType type) {
		try (InputStream in = CommandSchemas.class.getClassLoader().getResourceAsStream(path(type))) {
			if (in == null) {
				throw new IllegalStateException("Missing command schema " + path(type));
			}
			return registry().getSchema(in, InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String path(CommandType type) {
		return LOCATION + type.type() + ".json";
	}

}
