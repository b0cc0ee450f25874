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

import dev.ftbridge.cli.Console;
import dev.ftbridge.cli.EventLines;
import dev.ftbridge.cli.Console.Colour;

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
		boolean result = event.path("type").asString().equals("fivetran.command.result");
		if (result) {
			this.results.add(event.path("data"));
		}
		EventLines.of(event).ifPresent((line) -> line.printTo(this.console));
		if (result) {
			this.resultListeners.forEach((listener) -> listener.accept(event.path("data")));
		}
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
