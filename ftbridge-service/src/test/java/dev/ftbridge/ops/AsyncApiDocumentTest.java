package dev.ftbridge.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import dev.ftbridge.ops.TopicsFile.Topic;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * topics/asyncapi.yaml is a valid AsyncAPI 3 document that describes every topic of
 * topics.yaml with the same settings, and every message schema of topics/schemas/.
 */
class AsyncApiDocumentTest {

	private final Map<String, Object> document = OpsFiles.yaml("topics/asyncapi.yaml");

	private final TopicsFile topics = TopicsFile.load();

	@Test
	void isAnAsyncApi3DocumentValidAgainstTheSpecificationsSchema() throws IOException {
		assertThat(this.document.get("asyncapi").toString()).startsWith("3.");
		Schema schema;
		try (InputStream in = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
			schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in, InputFormat.JSON);
		}
		List<Error> errors = schema.validate(OpsFiles.read("topics/asyncapi.yaml"), InputFormat.YAML);
		assertThat(errors).isEmpty();
	}

	@Test
	void hasAChannelPerTopicWithTheTopicsSettings() {
		Map<String, Map<String, Object>> byAddress = new HashMap<>();
		OpsFiles.map(this.document.get("channels"))
			.values()
			.forEach((channel) -> byAddress.put((String) OpsFiles.map(channel).get("address"), OpsFiles.map(channel)));
		assertThat(byAddress.keySet()).containsExactlyInAnyOrderElementsOf(this.topics.names());
		for (Topic topic : this.topics.topics()) {
			Map<String, Object> kafka = OpsFiles
				.map(OpsFiles.map(byAddress.get(topic.name()).get("bindings")).get("kafka"));
			assertThat(kafka).as(topic.name())
				.containsEntry("partitions", topic.partitions())
				.containsEntry("replicas", this.topics.replicationFactor());
			OpsFiles.map(kafka.get("topicConfiguration")).forEach((key, value) -> {
				String expected = topic.config().get(key);
				String actual = (value instanceof List<?> list)
						? String.join(",", list.stream().map(Object::toString).toList()) : value.toString();
				assertThat(actual).as("%s %s", topic.name(), key).isEqualTo(expected);
			});
		}
	}

	@Test
	void commandChannelIsConsumedByTheBridgesGroup() {
		Map<String, Object> receive = OpsFiles
			.map(OpsFiles.map(this.document.get("operations")).get("receiveCommands"));
		assertThat(OpsFiles.map(receive.get("channel"))).containsEntry("$ref", "#/channels/commands");
		Map<String, Object> groupId = OpsFiles
			.map(OpsFiles.map(OpsFiles.map(receive.get("bindings")).get("kafka")).get("groupId"));
		assertThat(OpsFiles.list(groupId.get("enum"))).containsExactly(Application.commandDefaults().groupId());
		Map<String, Object> commands = OpsFiles.map(OpsFiles.map(this.document.get("channels")).get("commands"));
		assertThat(commands).containsEntry("address", Application.topicDefaults().commands());
	}

	@Test
	void everyReferenceResolves() {
		for (String reference : references(this.document)) {
			if (reference.startsWith("#/")) {
				assertThat(pointer(reference)).as(reference).isNotNull();
			}
			else {
				assertThat(OpsFiles.path("topics").resolve(reference).normalize()).as(reference).isRegularFile();
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void deadLetterReasonsAreTheReadersReasons() {
		Map<String, Object> components = (Map<String, Object>) this.document.get("components");
		Map<String, Object> deadLetter = (Map<String, Object>) ((Map<String, Object>) components.get("messages"))
			.get("deadLetter");
		Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) deadLetter.get("headers"))
			.get("properties");
		List<Object> reasons = (List<Object>) ((Map<String, Object>) properties.get("ftbridge_dlt_reason")).get("enum");
		assertThat(reasons).map(Object::toString)
			.containsExactlyInAnyOrderElementsOf(
					Stream.of(dev.ftbridge.contract.Rejection.Reason.values()).map(Enum::name).toList());
	}

	@Test
	void referencesEverySchemaOfTheContract() throws IOException {
		TreeSet<String> referenced = new TreeSet<>();
		for (String reference : references(this.document)) {
			if (!reference.startsWith("#")) {
				referenced.add(OpsFiles.path("topics").resolve(reference).normalize().toString());
			}
		}
		try (Stream<Path> schemas = Files.walk(OpsFiles.path("topics/schemas"))) {
			List<String> files = schemas.filter((path) -> path.toString().endsWith(".json"))
				.map(Path::toString)
				.toList();
			assertThat(files).isNotEmpty();
			assertThat(referenced).containsExactlyInAnyOrderElementsOf(files);
		}
	}

	private static List<String> references(Object node) {
		List<String> references = new ArrayList<>();
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				if ("$ref".equals(key)) {
					references.add(value.toString());
				}
				else {
					references.addAll(references(value));
				}
			});
		}
		else if (node instanceof List<?> list) {
			list.forEach((item) -> references.addAll(references(item)));
		}
		return references;
	}

	/** The node a local JSON pointer (#/a/b) names, or null. */
	private Object pointer(String reference) {
		Object node = this.document;
		for (String token : reference.substring(2).split("/")) {
			if (!(node instanceof Map<?, ?> map)) {
				return null;
			}
			node = map.get(token.replace("~1", "/").replace("~0", "~"));
		}
		return node;
	}

}
