package dev.ftbridge.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ftbridge.support.ProjectFiles;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the deployment files of the project (topics/, k8s/, docker-compose.yml, ...) from
 * the working tree.
 */
final class OpsFiles {

	private static final Path ROOT = ProjectFiles.root();

	private OpsFiles() {
	}

	static Path path(String relative) {
		return ROOT.resolve(relative);
	}

	static String read(String relative) {
		try {
			return Files.readString(path(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One YAML document as a map (SnakeYAML: plain maps, lists and scalars). */
	static Map<String, Object> yaml(String relative) {
		Object document = yaml().load(read(relative));
		assertThat(document).as(relative).isInstanceOf(Map.class);
		return map(document);
	}

	/** Every non-empty document of a YAML stream, such as kubectl's output. */
	static List<Map<String, Object>> yamlDocuments(String text) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : yaml().loadAll(text)) {
			if (document != null) {
				documents.add(map(document));
			}
		}
		return documents;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<Object>) value;
	}

	/** A map's values as strings. */
	static Map<String, String> strings(Map<String, Object> map) {
		Map<String, String> strings = new java.util.LinkedHashMap<>();
		map.forEach((key, value) -> strings.put(key, String.valueOf(value)));
		return strings;
	}

	private static Yaml yaml() {
		return new Yaml(new SafeConstructor(new LoaderOptions()));
	}

}
