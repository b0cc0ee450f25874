package dev.ftbridge.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docker-compose.yml, parsed (SnakeYAML resolves the file's anchors and merge keys). */
record ComposeFile(Map<String, Object> services) {

	/** ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}. */
	private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?])?([^}]*)\\}");

	static ComposeFile load() {
		return new ComposeFile(OpsFiles.map(OpsFiles.yaml("docker-compose.yml").get("services")));
	}

	Map<String, Object> service(String name) {
		return OpsFiles.map(this.services.get(name));
	}

	/** A service's environment, in map or list form, as written (unresolved). */
	Map<String, String> environment(String service) {
		Object environment = service(service).getOrDefault("environment", Map.of());
		Map<String, String> variables = new LinkedHashMap<>();
		if (environment instanceof Map<?, ?> map) {
			map.forEach((key, value) -> variables.put(key.toString(), (value != null) ? value.toString() : ""));
		}
		else {
			for (Object entry : OpsFiles.list(environment)) {
				String[] pair = entry.toString().split("=", 2);
				variables.put(pair[0], (pair.length > 1) ? pair[1] : "");
			}
		}
		return variables;
	}

	/**
	 * A service's environment as compose would pass it when none of the variables it
	 * interpolates is set: {@code ${NAME:-default}} becomes {@code default},
	 * {@code ${NAME}} empty.
	 */
	Map<String, String> environmentWithoutVariables(String service) {
		Map<String, String> resolved = new LinkedHashMap<>();
		environment(service).forEach((name, value) -> resolved.put(name, INTERPOLATION.matcher(value)
			.replaceAll((match) -> Matcher
				.quoteReplacement((match.group(2) != null && match.group(2).endsWith("-")) ? match.group(3) : ""))));
		return resolved;
	}

	List<String> strings(String service, String key) {
		return OpsFiles.list(service(service).getOrDefault(key, List.of())).stream().map(Object::toString).toList();
	}

}
