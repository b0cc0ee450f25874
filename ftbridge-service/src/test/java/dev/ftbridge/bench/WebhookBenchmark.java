package dev.ftbridge.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.ftbridge.FtbridgeApplication;
import dev.ftbridge.webhook.WebhookSigning;

/**
 * The webhook receiver under load: {@code wrk} (Debian package {@code wrk}) sends signed
 * {@code sync_end} webhooks at the bridge for 30 s on loopback; the benchmark prints
 * requests per second and latency percentiles, and checks that the number of records in
 * {@code fivetran.webhooks} equals the number of 2xx answers. Run:
 * {@code ./mvnw test -Dtest=WebhookBenchmark -DskipITs} (arguments: seconds, connections;
 * defaults 30 32).
 */
public final class WebhookBenchmark {

	private static final String SECRET = "bench-webhook-secret";

	/**
	 * Run on demand, not in {@code ./mvnw verify} (the name is not a test name):
	 * {@code ./mvnw test -Dtest=WebhookBenchmark -DskipITs}, arguments in
	 * {@code -Dbench.args="…"}. Not a {@code main}: {@code ./mvnw spring-boot:test-run}
	 * must find exactly one, the local run's.
	 */
	@Test
	void measure() throws Exception {
		String args = System.getProperty("bench.args", "").trim();
		run(args.isEmpty() ? new String[0] : args.split("\\s+"));
	}

	static void run(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.ERROR);
		int seconds = (args.length > 0) ? Integer.parseInt(args[0]) : 30;
		int connections = (args.length > 1) ? Integer.parseInt(args[1]) : 32;
		EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 12)
			.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0"));
		broker.afterPropertiesSet();
		ConfigurableApplicationContext bridge = new SpringApplicationBuilder(FtbridgeApplication.class).run(
				"--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
				"--ftbridge.webhook.secrets=" + SECRET, "--ftbridge.fivetran.api-key=unused",
				"--ftbridge.fivetran.api-secret=unused", "--server.port=0", "--logging.level.root=ERROR");
		try {
			int port = Integer.parseInt(bridge.getEnvironment().getProperty("local.server.port"));
			String body = "{\"event\":\"sync_end\",\"created\":\"2026-11-28T10:00:00.000Z\",\"connector_type\":"
					+ "\"postgres\",\"connector_id\":\"bench_connection\",\"connector_name\":\"pg\",\"sync_id\":"
					+ "\"b4703f73-6315-4e22-8d7a-3bfb18b2fed2\",\"destination_group_id\":\"g\","
					+ "\"data\":{\"status\":\"SUCCESSFUL\"}}";
			Path script = Files.createTempFile("webhook", ".lua");
			Files.writeString(script, "wrk.method = \"POST\"\nwrk.body = '" + body + "'\n"
					+ "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
					+ "wrk.headers[\"X-Fivetran-Signature-256\"] = \"" + WebhookSigning.sign(SECRET, body) + "\"\n");
			long before = records(broker.getBrokersAsString());
			List<String> output = wrk(script, "http://127.0.0.1:" + port + "/webhooks/fivetran", seconds, connections);
			output.forEach(System.out::println);
			long requests = number(output, "(\\d+) requests in");
			long errors = number(output, "Non-2xx or 3xx responses: (\\d+)");
			long stored = records(broker.getBrokersAsString()) - before;
			long answered = requests - errors;
			// wrk stops counting at the deadline while up to one request per connection
			// is still
			// on its way: those are stored (the bridge answered them) but never counted
			// by wrk.
			String verdict = (stored == answered) ? "equal"
					: (stored > answered && stored - answered <= connections) ? "every 2xx stored; the "
							+ (stored - answered) + " extra are requests in flight when wrk stopped counting"
							: "MISMATCH";
			System.out.printf("%nwebhooks: %d requests, %d answered 2xx, %d records in fivetran.webhooks: %s%n",
					requests, answered, stored, verdict);
		}
		finally {
			bridge.close();
			broker.destroy();
		}
	}

	private static List<String> wrk(Path script, String url, int seconds, int connections) throws Exception {
		Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "-s",
				script.toString(), url)
			.redirectErrorStream(true)
			.start();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			List<String> lines = in.lines().toList();
			process.waitFor();
			return lines;
		}
	}

	private static long number(List<String> lines, String pattern) {
		Pattern regex = Pattern.compile(pattern);
		for (String line : lines) {
			Matcher matcher = regex.matcher(line);
			if (matcher.find()) {
				return Long.parseLong(matcher.group(1));
			}
		}
		return 0;
	}

	/** Records in the webhook inbox: the sum of its partitions' end offsets. */
	private static long records(String bootstrap) {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
						ByteArrayDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
						ByteArrayDeserializer.class))) {
			List<TopicPartition> partitions = consumer.partitionsFor("fivetran.webhooks", Duration.ofSeconds(30))
				.stream()
				.map((p) -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
		}
	}

}
