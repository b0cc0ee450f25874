package dev.ftbridge.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docker-compose.yml, parsed (SnakeYAML resolves the file's anchors and merge keys). */
record ComposeFile(Map<String, Object> services) {

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

	List<String> strings(String service, String key) {
		return OpsFiles.list(service(service).getOrDefault(key, List.of())).stream().map(Object::toString).toList();
	}

}
