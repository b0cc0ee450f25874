package dev.ftbridge.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A command with {@code {{placeholders}}}: a JSON object with {@code type}, {@code data}
 * and optionally {@code key}. A placeholder names a CSV column, a {@code --set} variable
 * or an environment variable ({@code {{env.PG_PASSWORD}}}); a string that is just
 * {@code {{name:number}}} or {@code {{name:boolean}}} becomes a JSON number or boolean.
 */
final class CommandTemplate {

	private static final Set<String> FIELDS = Set.of("type", "data", "key");

	private static final JsonMapper SORTED = JsonMapper.builder()
		.enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
		.build();

	private final String name;

	private final ObjectNode template;

	/** Every placeholder by the path of the first string it is in. */
	private final Map<String, String> placeholders = new TreeMap<>();

	private CommandTemplate(String name, ObjectNode template) {
		this.name = name;
		this.template = template;
	}

	static CommandTemplate read(Path file) {
		return of(file.toString(), JsonInput.file(file));
	}

	static CommandTemplate of(String name, JsonNode json) {
		if (!json.isObject()) {
			throw CliException.badInput("template " + name + " must be a JSON object with type and data");
		}
		for (String field : json.propertyNames()) {
			if (!FIELDS.contains(field)) {
				throw CliException.badInput("template " + name + ": unknown field '" + field
						+ "'; a template has type, data and optionally key");
			}
		}
		if (!json.path("type").isString() || !json.path("data").isObject()) {
			throw CliException.badInput("template " + name + " needs \"type\" (a string) and \"data\" (an object)");
		}
		CommandTemplate template = new CommandTemplate(name, (ObjectNode) json);
		try {
			Placeholders.walk(json, "", (path, text) -> Placeholders.names(text, path)
				.forEach((placeholder) -> template.placeholders.putIfAbsent(placeholder, path)));
		}
		catch (CliException ex) {
			throw CliException.badInput("template " + name + ": " + ex.getMessage());
		}
		return template;
	}

	String name() {
		return this.name;
	}

	/** Placeholder names, each with where it is first used. */
	Map<String, String> placeholders() {
		return this.placeholders;
	}

	/** The template as sorted, compact JSON: the same for any formatting of it. */
	String canonical() {
		return SORTED.writeValueAsString(this.template);
	}

	/** The template with every placeholder replaced by its value. */
	Rendered render(Function<String, String> values) {
		JsonNode rendered = Placeholders.replace(this.template, "", values);
		return new Rendered(rendered.path("type").asString(), rendered.path("key").asString(null),
				rendered.get("data"));
	}

	/**
	 * A template with its values in.
	 *
	 * @param type the command type
	 * @param key the record key, or {@code null} for the bridge's default
	 * @param data the command data
	 */
	record Rendered(String type, String key, JsonNode data) {

	}

}
