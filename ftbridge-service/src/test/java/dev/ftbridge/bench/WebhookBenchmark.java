package dev.ftbridge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
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

import dev.ftbridge.FtbridgeApplication;
import dev.ftbridge.reliability.KafkaProcess;

/**
 * Webhook ingest, the bridge's receiver against a naive one, side by side in one run and
 * on one standalone broker (its own JVM): the naive receiver is written here without
 * Spring MVC ({@code com.sun.net.httpserver}, 200 threads like Tomcat's default: HMAC
 * check, then a blocking {@code send().get()} with {@code acks=all}). A JDK
 * {@code HttpClient} posts the same number of distinct signed {@code sync_end} webhooks
 * on loopback to each, in alternating rounds; the benchmark prints requests per second
 * and p50/p99 for both, the ratio, and records stored against 2xx answers. Run:
 * {@code ./mvnw test -Dtest=WebhookBenchmark -DskipITs -Dbench.args="20000 64 2 both"}
 * (webhooks per round, concurrent senders, rounds per receiver, mode {@code quiet},
 * {@code hog} or {@code both}; defaults 20000 64 2 quiet). With {@code hog} a
 * {@link CpuHog} keeps one core busy during each measured round; {@code both} runs, per
 * round, the quiet pair and then the hog pair, and prints the figures per mode.
 */
public final class WebhookBenchmark {

	private static final String SECRET = "bench-webhook-secret";

	private static final String NAIVE_TOPIC = "bench.naive-webhooks";

	private static final String BRIDGE_TOPIC = "fivetran.webhooks";

	/**
	 * Run on demand, not in {@code ./mvnw verify} (the name is not a test name). Not a
	 * {@code main}: {@code ./mvnw spring-boot:test-run} must find exactly one.
	 */
	@Test
	void measure() throws Exception {
		String args = System.getProperty("bench.args", "").trim();
		run(args.isEmpty() ? new String[0] : args.split("\\s+"));
	}

	static void run(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.ERROR);
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		int concurrency = (args.length > 1) ? Integer.parseInt(args[1]) : 64;
		int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 2;
		String mode = (args.length > 3) ? args[3] : "quiet";
		List<String> modes = mode.equals("both") ? List.of("quiet", "hog") : List.of(mode);
		Path directory = Files.createTempDirectory("webhook-bench");
		try (KafkaProcess broker = KafkaProcess.start(directory.resolve("kafka"))) {
			String bootstrap = broker.bootstrapServers();
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
				admin.createTopics(List.of(new NewTopic(NAIVE_TOPIC, 12, (short) 1))).all().get(60, TimeUnit.SECONDS);
			}
			ConfigurableApplicationContext bridge = new SpringApplicationBuilder(FtbridgeApplication.class).run(
					"--spring.kafka.bootstrap-servers=" + bootstrap, "--ftbridge.webhook.secrets=" + SECRET,
					"--ftbridge.fivetran.api-key=unused", "--ftbridge.fivetran.api-secret=unused",
					"--ftbridge.topics.partitions=12", "--server.port=0", "--management.server.port=0",
					"--logging.level.root=ERROR");
			NaiveReceiver naive = new NaiveReceiver(bootstrap);
			try {
				URI bridgeUri = URI.create("http://127.0.0.1:"
						+ bridge.getEnvironment().getProperty("local.server.port") + "/webhooks/fivetran");
				URI naiveUri = URI.create("http://127.0.0.1:" + naive.port() + "/webhooks/fivetran");
				Load load = new Load(concurrency);
				// warm both JITs and connection pools before anything is counted
				load.post(bridgeUri, bodies("warm_b", Math.min(count, 5_000)));
				load.post(naiveUri, bodies("warm_n", Math.min(count, 5_000)));
				Map<String, List<Result>> bridgeRuns = new LinkedHashMap<>();
				Map<String, List<Result>> naiveRuns = new LinkedHashMap<>();
				Map<String, long[]> stored = new LinkedHashMap<>();
				for (int round = 0; round < rounds; round++) {
					for (String each : modes) {
						long bridgeBefore = records(bootstrap, BRIDGE_TOPIC);
						long naiveBefore = records(bootstrap, NAIVE_TOPIC);
						try (CpuHog hog = CpuHog.startIf(each, Duration.ofMinutes(10))) {
							bridgeRuns.computeIfAbsent(each, (key) -> new ArrayList<>())
								.add(load.post(bridgeUri, bodies(each + "b" + round, count)));
							naiveRuns.computeIfAbsent(each, (key) -> new ArrayList<>())
								.add(load.post(naiveUri, bodies(each + "n" + round, count)));
						}
						long[] counts = stored.computeIfAbsent(each, (key) -> new long[2]);
						counts[0] += records(bootstrap, BRIDGE_TOPIC) - bridgeBefore;
						counts[1] += records(bootstrap, NAIVE_TOPIC) - naiveBefore;
					}
				}
				load.close();
				System.out.printf(
						"%nwebhook ingest: %d distinct signed webhooks x %d rounds each, %d concurrent "
								+ "senders, loopback, standalone broker, %d cores%n",
						count, rounds, concurrency, Runtime.getRuntime().availableProcessors());
				for (String each : modes) {
					Result bridgeTotal = Result.of(bridgeRuns.get(each));
					Result naiveTotal = Result.of(naiveRuns.get(each));
					print(each + " bridge", bridgeRuns.get(each), bridgeTotal, stored.get(each)[0]);
					print(each + " naive ", naiveRuns.get(each), naiveTotal, stored.get(each)[1]);
					System.out.printf("%s ratio bridge/naive: %.2fx req/s; p99 %d ms vs %d ms%n", each,
							bridgeTotal.perSecond() / naiveTotal.perSecond(), bridgeTotal.p99Millis(),
							naiveTotal.p99Millis());
				}
			}
			finally {
				naive.close();
				bridge.close();
			}
		}
	}

	private static void print(String name, List<Result> runs, Result total, long stored) {
		StringBuilder each = new StringBuilder();
		runs.forEach((run) -> each.append(String.format(" %.0f", run.perSecond())));
		System.out.printf(
				"%s: %.0f req/s (rounds:%s), p50 %d ms, p99 %d ms, max %d ms; %d answered 2xx, %d other, "
						+ "%d records stored: %s%n",
				name, total.perSecond(), each, total.p50Millis(), total.p99Millis(), total.maxMillis(),
				total.accepted(), total.other(), stored, (stored == total.accepted()) ? "equal" : "MISMATCH");
	}

	/** Distinct bodies: each its own connection and sync, signed as Fivetran signs. */
	private static List<byte[][]> bodies(String prefix, int count) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		List<byte[][]> bodies = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			byte[] body = ("{\"event\":\"sync_end\",\"created\":\"2026-11-28T10:00:00.000Z\",\"connector_type\":"
					+ "\"postgres\",\"connector_id\":\"bench_" + prefix + "_" + (i % 5000) + "\",\"connector_name\":"
					+ "\"pg\",\"sync_id\":\"" + prefix + "-" + i + "\",\"destination_group_id\":\"g\","
					+ "\"data\":{\"status\":\"SUCCESSFUL\"}}")
				.getBytes(StandardCharsets.UTF_8);
			byte[] signature = HexFormat.of().withUpperCase().formatHex(mac.doFinal(body)).getBytes();
			bodies.add(new byte[][] { body, signature });
		}
		return bodies;
	}

	/** Records in a topic: the sum of its partitions' end offsets. */
	private static long records(String bootstrap, String topic) {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
						ByteArrayDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
						ByteArrayDeserializer.class))) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.stream()
				.map((p) -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
		}
	}

	/** One round's figures. */
	record Result(long nanos, long[] latencies, int accepted, int other) {

		static Result of(List<Result> runs) {
			long nanos = runs.stream().mapToLong(Result::nanos).sum();
			long[] all = runs.stream().flatMapToLong((run) -> Arrays.stream(run.latencies())).sorted().toArray();
			return new Result(nanos, all, runs.stream().mapToInt(Result::accepted).sum(),
					runs.stream().mapToInt(Result::other).sum());
		}

		double perSecond() {
			return this.latencies.length / (this.nanos / 1e9);
		}

		long p50Millis() {
			return percentile(0.50);
		}

		long p99Millis() {
			return percentile(0.99);
		}

		long maxMillis() {
			return percentile(1.0);
		}

		private long percentile(double p) {
			long[] sorted = this.latencies.clone();
			Arrays.sort(sorted);
			int index = Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1);
			return TimeUnit.NANOSECONDS.toMillis(sorted[Math.max(index, 0)]);
		}

	}

	/**
	 * The load generator: {@code concurrency} threads, each posting its share one after
	 * another over a shared HTTP/1.1 client (one connection per busy thread).
	 */
	private static final class Load implements AutoCloseable {

		private final int concurrency;

		private final ExecutorService threads;

		private final HttpClient http;

		Load(int concurrency) {
			this.concurrency = concurrency;
			this.threads = Executors.newFixedThreadPool(concurrency);
			this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(this.threads).build();
		}

		Result post(URI uri, List<byte[][]> bodies) throws Exception {
			long[] latencies = new long[bodies.size()];
			AtomicInteger next = new AtomicInteger();
			AtomicInteger accepted = new AtomicInteger();
			AtomicInteger other = new AtomicInteger();
			ExecutorService senders = Executors.newFixedThreadPool(this.concurrency);
			long start = System.nanoTime();
			for (int t = 0; t < this.concurrency; t++) {
				senders.execute(() -> {
					int i;
					while ((i = next.getAndIncrement()) < bodies.size()) {
						HttpRequest request = HttpRequest.newBuilder(uri)
							.header("Content-Type", "application/json")
							.header("X-Fivetran-Signature-256", new String(bodies.get(i)[1], StandardCharsets.US_ASCII))
							.POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)[0]))
							.build();
						long sent = System.nanoTime();
						try {
							int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
							((status / 100 == 2) ? accepted : other).incrementAndGet();
						}
						catch (IOException ex) {
							other.incrementAndGet();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
							return;
						}
						latencies[i] = System.nanoTime() - sent;
					}
				});
			}
			senders.shutdown();
			senders.awaitTermination(30, TimeUnit.MINUTES);
			return new Result(System.nanoTime() - start, latencies, accepted.get(), other.get());
		}

		@Override
		public void close() {
			this.threads.shutdownNow();
		}

	}

	/**
	 * What a hand-written receiver does: read the body, check the HMAC over it, then
	 * {@code send().get()} and answer 202.
	 */
	private static final class NaiveReceiver implements AutoCloseable {

		private final HttpServer server;

		private final ExecutorService threads = Executors.newFixedThreadPool(200);

		private final KafkaProducer<byte[], byte[]> producer;

		NaiveReceiver(String bootstrap) throws IOException {
			this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
					ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
					ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
					ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
			this.server.createContext("/webhooks/fivetran", this::handle);
			this.server.setExecutor(this.threads);
			this.server.start();
		}

		int port() {
			return this.server.getAddress().getPort();
		}

		private void handle(HttpExchange exchange) throws IOException {
			try (exchange; InputStream in = exchange.getRequestBody()) {
				byte[] body = in.readNBytes(1024 * 1024);
				String signature = exchange.getRequestHeaders().getFirst("X-Fivetran-Signature-256");
				if (signature == null || !MessageDigest.isEqual(sign(body), signature.getBytes())) {
					exchange.sendResponseHeaders(401, -1);
					return;
				}
				try {
					this.producer.send(new ProducerRecord<>(NAIVE_TOPIC, key(body), body)).get(5, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					exchange.sendResponseHeaders(503, -1);
					return;
				}
				byte[] answer = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(202, answer.length);
				exchange.getResponseBody().write(answer);
			}
		}

		private static byte[] sign(byte[] body) {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
				return HexFormat.of().withUpperCase().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** The connection id, found by searching the text (no JSON parsing at all). */
		private static byte[] key(byte[] body) {
			String text = new String(body, StandardCharsets.UTF_8);
			int at = text.indexOf("\"connector_id\":\"");
			if (at < 0) {
				return null;
			}
			int start = at + "\"connector_id\":\"".length();
			return text.substring(start, text.indexOf('"', start)).getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public void close() {
			this.server.stop(0);
			this.threads.shutdownNow();
			this.producer.close(Duration.ofSeconds(5));
		}

	}

}
