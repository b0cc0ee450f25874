package dev.ftbridge.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.ftbridge.FtbridgeApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status path under a burst: N distinct, stored webhooks are written straight into
 * {@code fivetran.webhooks} (12 partitions, embedded KRaft broker, the bridge in this
 * JVM), and the time is measured from the first write until every one of them has its
 * status event in {@code fivetran.status}. Prints webhooks per second for each run and
 * min / median / max, and the CPU time the inbox consumer threads spent per webhook (a
 * figure that depends far less on what else the machine runs). Run on demand (the name is
 * not a test name):
 * {@code ./mvnw test -Dtest=WebhookProcessingBenchmark -DskipITs -Dbench.args="60000 3 both"}
 * (webhooks per run, runs, mode {@code quiet}, {@code hog} or {@code both}; defaults
 * 60000 3 quiet). With {@code hog} a {@link CpuHog} keeps one core busy during each
 * measured run; {@code both} alternates a quiet and a hog run (quiet, hog, quiet, hog, …)
 * against the same bridge, so both modes see the same minutes, and prints min / median /
 * max for each.
 */
public final class WebhookProcessingBenchmark {

	@Test
	void measure() throws Exception {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.ERROR);
		String[] args = System.getProperty("bench.args", "").trim().split("\\s+");
		int webhooks = (args.length > 0 && !args[0].isEmpty()) ? Integer.parseInt(args[0]) : 60_000;
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		String mode = (args.length > 2) ? args[2] : "quiet";
		List<String> modes = mode.equals("both") ? List.of("quiet", "hog") : List.of(mode);
		EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 12)
			.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0"));
		broker.afterPropertiesSet();
		ConfigurableApplicationContext bridge = new SpringApplicationBuilder(FtbridgeApplication.class).run(
				"--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "--ftbridge.webhook.secrets=unused",
				"--ftbridge.fivetran.api-key=unused", "--ftbridge.fivetran.api-secret=unused", "--server.port=0",
				"--management.server.port=0", "--logging.level.root=ERROR");
		try (KafkaProducer<byte[], byte[]> producer = producer(broker);
				KafkaConsumer<byte[], byte[]> offsets = offsets(broker)) {
			// warm-up: the group has joined once the first status event exists
			long start = ends(offsets, "fivetran.status");
			send(producer, "warm", 100);
			await(offsets, start + 100, Duration.ofMinutes(2));
			Map<String, List<Double>> rates = new LinkedHashMap<>();
			for (int run = 0; run < runs; run++) {
				for (String each : modes) {
					long before = ends(offsets, "fivetran.status");
					long began = System.nanoTime();
					double sent;
					double seconds;
					long consumersCpu = consumersCpuNanos();
					try (CpuHog hog = CpuHog.startIf(each, Duration.ofMinutes(10))) {
						send(producer, each + run, webhooks);
						sent = (System.nanoTime() - began) / 1e9;
						seconds = await(offsets, before + webhooks, Duration.ofMinutes(10)) - began / 1e9;
					}
					double cpuMicros = (consumersCpuNanos() - consumersCpu) / 1e3 / webhooks;
					double rate = webhooks / seconds;
					rates.computeIfAbsent(each, (key) -> new ArrayList<>()).add(rate);
					System.out.printf(
							"%-5s run %d: %,d webhooks written in %.2f s, every status event after %.2f s: %,.0f/s; "
									+ "webhook consumer threads' CPU %.1f µs per webhook%n",
							each, run + 1, webhooks, sent, seconds, rate, cpuMicros);
				}
			}
			rates.forEach((each, list) -> {
				Collections.sort(list);
				System.out.printf(
						"%-5s: webhooks to status events per second over %d runs: min %,.0f median %,.0f max %,.0f%n",
						each, runs, list.get(0), list.get(list.size() / 2), list.get(list.size() - 1));
			});
		}
		finally {
			bridge.close();
			broker.destroy();
		}
	}

	/**
	 * CPU time of the inbox consumer threads so far: what processing costs, whatever else
	 * the machine does (the rate depends on load; this much less).
	 */
	private static long consumersCpuNanos() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long total = 0;
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().startsWith("webhookListenerContainer")) {
				total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
			}
		}
		return total;
	}

	private static void send(KafkaProducer<byte[], byte[]> producer, String run, int webhooks) {
		String created = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
		for (int i = 0; i < webhooks; i++) {
			String connection = "bench_" + run + "_" + i;
			String body = "{\"event\":\"sync_start\",\"created\":\"" + created
					+ "\",\"connector_type\":\"postgres\",\"connector_id\":\"" + connection
					+ "\",\"connector_name\":\"pg\",\"sync_id\":\"s-" + i
					+ "\",\"destination_group_id\":\"g\",\"data\":{}}";
			producer.send(new ProducerRecord<>("fivetran.webhooks", bytes(connection), bytes(body)));
		}
		producer.flush();
	}

	/** Waits until the status topic holds {@code target} records; returns when, in s. */
	private static double await(KafkaConsumer<byte[], byte[]> offsets, long target, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (ends(offsets, "fivetran.status") < target) {
			assertThat(System.nanoTime()).as("status events within " + timeout).isLessThan(deadline);
			Thread.sleep(20);
		}
		return System.nanoTime() / 1e9;
	}

	private static long ends(KafkaConsumer<byte[], byte[]> consumer, String topic) {
		List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map((p) -> new TopicPartition(p.topic(), p.partition()))
			.toList();
		return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
	}

	private static KafkaProducer<byte[], byte[]> producer(EmbeddedKafkaBroker broker) {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.ACKS_CONFIG, "all"));
	}

	private static KafkaConsumer<byte[], byte[]> offsets(EmbeddedKafkaBroker broker) {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
