package dev.ftbridge.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fivetran's OpenAPI definition, read from {@code ../shared/fivetran-openapi/} or
 * {@code $FIVETRAN_OPENAPI}, and a small checker of response bodies against it: resolves
 * {@code $ref}s and {@code allOf}, checks JSON types, {@code required}, {@code enum} and
 * {@code date-time} recursively. Objects described as "Each key is …" are maps whose
 * values follow their single property. A {@code null} is accepted for an optional field:
 * Fivetran returns null for e.g. {@code succeeded_at}, though the definition never says
 * {@code nullable}.
 */
final class OpenApiSpec {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonNode root;

	private OpenApiSpec(JsonNode root) {
		this.root = root;
	}

	static Optional<Path> locate() {
		String configured = System.getenv("FIVETRAN_OPENAPI");
		Path path = (configured != null && !configured.isBlank()) ? Path.of(configured)
				: besideTheProject(Path.of("shared", "fivetran-openapi", "open-api-spec.json"));
		return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
	}

	/**
	 * {@code relative} in the directory beside the project's root (tests run in a
	 * module's directory, one level below the root).
	 */
	static Path besideTheProject(Path relative) {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
			dir = dir.getParent();
		}
		Path root = (dir != null) ? dir : Path.of("").toAbsolutePath();
		return (root.getParent() != null) ? root.getParent().resolve(relative) : relative;
	}

	static OpenApiSpec load(Path path) {
		return new OpenApiSpec(JSON.readTree(path.toFile()));
	}

	/** The operation, or a missing node when the definition has none. */
	JsonNode operation(String method, String pathTemplate) {
		return this.root.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT));
	}

	/**
	 * What is wrong with the body for that operation and status; empty when it conforms.
	 */
	List<String> violations(String method, String pathTemplate, int status, JsonNode body) {
		List<String> errors = new ArrayList<>();
		JsonNode operation = operation(method, pathTemplate);
		if (operation.isMissingNode()) {
			return List.of("no operation " + method + " " + pathTemplate);
		}
		JsonNode response = operation.path("responses").path(Integer.toString(status));
		if (response.isMissingNode()) {
			return List.of("status " + status + " is not declared for " + method + " " + pathTemplate);
		}
		JsonNode schema = response.path("content").path("application/json").path("schema");
		if (schema.isMissingNode()) {
			// errors are declared without a body schema: check Fivetran's error envelope
			checkType("string", body.path("code"), "$.code", errors);
			checkType("string", body.path("message"), "$.message", errors);
			return errors;
		}
		validate(schema, body, "$", true, errors);
		return errors;
	}

	/** Validates a value against a named component schema. */
	List<String> violationsOf(String component, JsonNode value) {
		List<String> errors = new ArrayList<>();
		validate(this.root.path("components").path("schemas").path(component), value, "$", true, errors);
		return errors;
	}

	private void validate(JsonNode schema, JsonNode value, String at, boolean required, List<String> errors) {
		schema = resolve(schema);
		if (value.isNull()) {
			if (required) {
				errors.add(at + " is required but null");
			}
			return;
		}
		schema.path("allOf").forEach((part) -> validate(part, value, at, required, errors));
		String type = schema.path("type").asString(schema.has("properties") ? "object" : null);
		if (type != null && !checkType(type, value, at, errors)) {
			return;
		}
		// The definition puts a role's scope enum on the array itself: its items are
		// checked against it instead.
		if (schema.has("enum") && value.isArray()) {
			for (JsonNode item : value) {
				if (schema.path("enum").valueStream().map(JsonNode::asString).noneMatch(item.asString()::equals)) {
					errors.add(at + "[] = " + item + " is not one of " + schema.path("enum"));
				}
			}
		}
		else if (schema.has("enum")
				&& schema.path("enum").valueStream().map(JsonNode::asString).noneMatch(value.asString()::equals)) {
			errors.add(at + " = " + value + " is not one of " + schema.path("enum"));
		}
		if ("date-time".equals(schema.path("format").asString(null)) && value.isString()) {
			try {
				OffsetDateTime.parse(value.asString());
			}
			catch (DateTimeParseException ex) {
				errors.add(at + " = " + value + " is not a date-time");
			}
		}
		if (value.isObject()) {
			validateObject(schema, value, at, errors);
		}
		if (value.isArray() && schema.has("items")) {
			for (int i = 0; i < value.size(); i++) {
				validate(schema.path("items"), value.get(i), at + "[" + i + "]", true, errors);
			}
		}
	}

	private void validateObject(JsonNode schema, JsonNode value, String at, List<String> errors) {
		JsonNode properties = schema.path("properties");
		if (schema.path("description").asString("").contains("Each key is") && properties.size() == 1) {
			JsonNode entrySchema = properties.values().iterator().next();
			value.forEachEntry((key, entry) -> validate(entrySchema, entry, at + "." + key, true, errors));
			return;
		}
		Set<String> requiredNames = new HashSet<>();
		schema.path("required").forEach((name) -> requiredNames.add(name.asString()));
		for (String name : requiredNames) {
			if (!value.has(name)) {
				errors.add(at + "." + name + " is required but missing");
			}
		}
		properties.forEachEntry((name, propertySchema) -> {
			if (value.has(name)) {
				validate(propertySchema, value.get(name), at + "." + name, requiredNames.contains(name), errors);
			}
		});
	}

	private static boolean checkType(String type, JsonNode value, String at, List<String> errors) {
		boolean ok = switch (type) {
			case "string" -> value.isString();
			case "integer" -> value.isIntegralNumber();
			case "number" -> value.isNumber();
			case "boolean" -> value.isBoolean();
			case "array" -> value.isArray();
			case "object" -> value.isObject();
			default -> true;
		};
		if (!ok) {
			errors.add(at + " should be " + type + " but is " + (value.isMissingNode() ? "missing" : value));
		}
		return ok;
	}

	private JsonNode resolve(JsonNode schema) {
		while (schema.has("$ref")) {
			schema = this.root.at(schema.path("$ref").asString().substring(1));
		}
		return schema;
	}

}
