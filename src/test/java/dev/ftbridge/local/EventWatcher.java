package dev.ftbridge.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ftbridge.local.Console.Colour;

/**
 * Follows the bridge's output topics and prints each event readably: results, status
 * changes, webhooks received and dead letters.
 */
final class EventWatcher implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KafkaConsumer<String, String> consumer;

	private final Console console;

	private final List<JsonNode> results = new CopyOnWriteArrayList<>();

	private final List<Consumer<JsonNode>> resultListeners = new CopyOnWriteArrayList<>();

	private final Thread thread;

	private volatile boolean running = true;

	EventWatcher(String bootstrapServers, Console console, List<String> topics) {
		this.console = console;
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : topics) {
			this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
		}
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
		this.thread = new Thread(this::run, "event-watcher");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	void onResult(Consumer<JsonNode> listener) {
		this.resultListeners.add(listener);
	}

	List<JsonNode> results() {
		return List.copyOf(this.results);
	}

	private void run() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(100))) {
					show(record);
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close(Duration.ofSeconds(1));
		}
	}

	private void show(ConsumerRecord<String, String> record) {
		if (record.topic().endsWith("-dlt")) {
			this.console.line(Colour.YELLOW, "DEAD", "key " + record.key() + ": "
					+ header(record, "ftbridge_dlt_reason") + " — " + header(record, "ftbridge_dlt_detail"));
			return;
		}
		JsonNode event = JSON.readTree(record.value());
		if (record.topic().endsWith("webhooks")) {
			this.console.line(Colour.MAGENTA, "WEBHOOK", event.path("event").asString() + " "
					+ event.path("connector_id").asString("") + " " + event.path("data").path("status").asString(""));
			return;
		}
		JsonNode data = event.path("data");
		if (event.path("type").asString().equals("fivetran.command.result")) {
			this.results.add(data);
			this.console.line(colour(data.path("outcome").asString()), data.path("outcome").asString(),
					data.path("command_type").asString() + " " + data.path("resource_id").asString("") + details(data));
			this.resultListeners.forEach((listener) -> listener.accept(data));
			return;
		}
		this.console.line(Colour.BLUE, "STATUS",
				data.path("connection_id").asString() + " setup=" + data.path("setup_state").asString("?") + " sync="
						+ data.path("sync_state").asString("?") + " paused=" + data.path("paused").asString("?") + " ("
						+ data.path("source").asString() + ")");
	}

	private static String details(JsonNode data) {
		StringBuilder details = new StringBuilder();
		if (data.has("reason")) {
			details.append(" — ").append(data.path("reason").asString());
		}
		if (data.has("sync_id")) {
			details.append(" sync ").append(data.path("sync_id").asString());
		}
		details.append(" (").append(data.path("duration_ms").asLong()).append(" ms)");
		return details.toString();
	}

	private static Colour colour(String outcome) {
		return switch (outcome) {
			case "SUCCEEDED" -> Colour.GREEN;
			case "ACCEPTED" -> Colour.CYAN;
			default -> Colour.RED;
		};
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value()) : "";
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.thread.join(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
