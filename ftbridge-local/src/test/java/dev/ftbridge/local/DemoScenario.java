package dev.ftbridge.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.ftbridge.cli.Console;
import dev.ftbridge.cli.Console.Colour;

/**
 * The classic scripts' day, as commands: bulk-create connections from
 * {@code schemas.csv}, pause one, sync several, resync a table, edit a schema, check a
 * group, run a transformation, and send one invalid command.
 */
final class DemoScenario {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KafkaProducer<String, String> producer;

	private final EventWatcher watcher;

	private final Console console;

	private final String groupId;

	private final String transformationId;

	private final List<String> sent = new ArrayList<>();

	DemoScenario(String bootstrapServers, EventWatcher watcher, Console console, String groupId,
			String transformationId) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
		this.watcher = watcher;
		this.console = console;
		this.groupId = groupId;
		this.transformationId = transformationId;
	}

	/** Runs every step; returns the ids of the commands sent. */
	List<String> run() throws IOException, InterruptedException {
		List<String> connections = new ArrayList<>();
		for (Map<String, String> row : csv("/demo/schemas.csv")) {
			ObjectNode config = JSON.createObjectNode()
				.put("schema", row.get("schema"))
				.put("host", row.get("host"))
				.put("port", Integer.parseInt(row.get("port")))
				.put("database", row.get("database"))
				.put("user", row.get("user"));
			ObjectNode data = JSON.createObjectNode()
				.put("group_id", this.groupId)
				.put("service", row.get("service"))
				.put("run_setup_tests", true);
			data.set("config", config);
			String id = send(this.groupId + "/" + row.get("schema"), "fivetran.connection.create", data);
			connections.add(awaitResult(id).map((r) -> r.path("connection_id").asString(null)).orElse(null));
		}
		String first = connections.get(0);
		String second = connections.get(1);
		String third = connections.get(2);
		send(first, "fivetran.connection.pause", connection(first));
		send(second, "fivetran.connection.sync", connection(second));
		send(third, "fivetran.connection.sync", connection(third).put("force", false));
		ObjectNode tables = connection(second);
		tables.set("scope", JSON.readTree("{\"public\":[\"orders\"]}"));
		send(second, "fivetran.connection.tables.resync", tables);
		send(third, "fivetran.connection.schema.update", connection(third).put("schema_change_handling", "BLOCK_ALL"));
		send(this.groupId, "fivetran.group.status", JSON.createObjectNode().put("group_id", this.groupId));
		send(this.transformationId, "fivetran.transformation.run",
				JSON.createObjectNode().put("transformation_id", this.transformationId));
		send(first, "fivetran.connection.pause", JSON.createObjectNode().put("connection_ide", first));
		for (String id : this.sent) {
			awaitResult(id);
		}
		return List.copyOf(this.sent);
	}

	private ObjectNode connection(String id) {
		return JSON.createObjectNode().put("connection_id", id);
	}

	private String send(String key, String type, ObjectNode data) {
		String id = UUID.randomUUID().toString();
		ObjectNode event = JSON.createObjectNode()
			.put("specversion", "1.0")
			.put("id", id)
			.put("source", "urn:ftbridge:demo")
			.put("type", type)
			.put("time", Instant.now().toString())
			.put("datacontenttype", "application/json");
		event.set("data", data);
		ProducerRecord<String, String> record = new ProducerRecord<>("fivetran.commands", key, event.toString());
		record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
		this.producer.send(record);
		this.producer.flush();
		this.sent.add(id);
		this.console.line(Colour.GREY, "COMMAND", type + " " + key + " " + data);
		return id;
	}

	private Optional<JsonNode> awaitResult(String commandId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			Optional<JsonNode> result = this.watcher.results()
				.stream()
				.filter((r) -> commandId.equals(r.path("command_id").asString()))
				.findFirst();
			if (result.isPresent()) {
				return result;
			}
			Thread.sleep(50);
		}
		return Optional.empty();
	}

	private static List<Map<String, String>> csv(String resource) throws IOException {
		try (InputStream in = DemoScenario.class.getResourceAsStream(resource);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String[] header = reader.readLine().split(",");
			List<Map<String, String>> rows = new ArrayList<>();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank()) {
					continue;
				}
				String[] cells = line.split(",", -1);
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < header.length; i++) {
					row.put(header[i].trim(), (i < cells.length) ? cells[i].trim() : "");
				}
				rows.add(row);
			}
			return rows;
		}
	}

	void close() {
		this.producer.close(Duration.ofSeconds(2));
	}

}
