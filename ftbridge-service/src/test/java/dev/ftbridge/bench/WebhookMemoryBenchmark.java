package dev.ftbridge.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.Mac;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import dev.ftbridge.reliability.KafkaProcess;

/**
 * The production jar with {@code -Xmx256m} and 1,000,000 webhooks in the 24 h dedup
 * window. A standalone broker (its own JVM); a first start of the jar creates the topics;
 * then WEBHOOKS distinct stored webhooks are written straight into
 * {@code fivetran.webhooks} and the inbox group's offsets are committed at their end, as
 * if the bridge had processed them before a restart. Each of STARTS starts of the jar
 * then measures: launch to readiness 200 (management port); launch until fresh webhooks
 * posted after readiness have their status events (every partition's window restored,
 * processing under way); 2,000 repeats of stored webhooks posted before those must all be
 * dropped (any status event of theirs is counted as a repeat processed again); the heap
 * used after a forced GC ({@code jcmd GC.run}, then {@code GC.heap_info}); then it keeps
 * up: BATCH fresh signed webhooks posted over HTTP (32 senders), their ingest rate and
 * the rate at which all of them became status events; the heap again. Then SIGTERM and
 * the next start. Needs the jar: {@code ./mvnw -q package -pl ftbridge-service -am
 * -DskipTests}. Run on demand (the name is not a test name):
 * {@code ./mvnw test -Dtest=WebhookMemoryBenchmark -DskipITs -Dbench.args="1000000 50000 3 23"}
 * (webhooks in the window, webhooks per keep-up batch, starts, hours over which the
 * stored webhooks arrived; these are the defaults; then optionally {@code quiet},
 * {@code hog} or {@code both}, and another jar). With {@code hog} each start runs with
 * one core kept busy from launch to its SIGTERM ({@link CpuHog}); {@code both} alternates
 * quiet and hog starts (quiet first) and summarises each mode. With 0 hours every stored
 * webhook arrived just now, so all are sync events recent enough to be kept for the
 * pending operations during the restore.
 */
public final class WebhookMemoryBenchmark {

	private static final String SECRET = "bench-webhook-secret";

	private static final int REPEATS = 2_000;

	private static final int PROBES = 240;

	private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

	@Test
	void measure() throws Exception {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.ERROR);
		String[] args = System.getProperty("bench.args", "").trim().split("\\s+");
		int window = (args.length > 0 && !args[0].isEmpty()) ? Integer.parseInt(args[0]) : 1_000_000;
		int batch = (args.length > 1) ? Integer.parseInt(args[1]) : 50_000;
		int starts = (args.length > 2) ? Integer.parseInt(args[2]) : 3;
		double hours = (args.length > 3) ? Double.parseDouble(args[3]) : 23;
		int next = 4;
		String mode = (args.length > next && List.of("quiet", "hog", "both").contains(args[next])) ? args[next++]
				: "quiet";
		Path jar = (args.length > next) ? Path.of(args[next]) : productionJar();
		Path directory = Files.createTempDirectory("memory-bench");
		Arrivals arrivals = new Arrivals(Instant.now().truncatedTo(ChronoUnit.MILLIS), (long) (hours * 3_600_000),
				window);
		try (KafkaProcess broker = KafkaProcess.start(directory.resolve("kafka"))) {
			String bootstrap = broker.bootstrapServers();
			Bridge first = Bridge.start(jar, bootstrap, directory.resolve("bridge-0.log"));
			long emptyReady = first.awaitReady();
			long emptyHeap = first.heapUsedKib();
			first.stop();
			long began = System.nanoTime();
			fill(bootstrap, arrivals);
			commitInboxAtEnd(bootstrap);
			System.out.printf("%n%,d webhooks arriving over the %.1f h before now written to fivetran.webhooks and "
					+ "committed in %.1f s%n", window, hours, (System.nanoTime() - began) / 1e9);
			List<String> lines = new ArrayList<>();
			Map<String, List<Long>> readies = new LinkedHashMap<>();
			Map<String, List<Long>> heaps = new LinkedHashMap<>();
			for (int start = 1; start <= starts; start++) {
				String each = mode.equals("both") ? ((start % 2 == 1) ? "quiet" : "hog") : mode;
				CpuHog hog = CpuHog.startIf(each, Duration.ofMinutes(10));
				Bridge bridge = Bridge.start(jar, bootstrap, directory.resolve("bridge-" + start + ".log"));
				try {
					long ready = bridge.awaitReady();
					long before = ends(bootstrap, "fivetran.status");
					Sent repeats = bridge.post(repeats(arrivals), 8);
					Sent probes = bridge.post(fresh("probe" + start, PROBES), 8);
					long processing = awaitStatuses(bootstrap, before + PROBES, bridge);
					Thread.sleep(1_000);
					long again = ends(bootstrap, "fivetran.status") - before - PROBES;
					long heap = bridge.heapUsedKib();
					long batchBefore = ends(bootstrap, "fivetran.status");
					long batchStart = System.nanoTime();
					Sent sent = bridge.post(fresh("batch" + start, batch), 32);
					awaitStatuses(bootstrap, batchBefore + batch, bridge);
					double batchSeconds = (System.nanoTime() - batchStart) / 1e9;
					long heapAfter = bridge.heapUsedKib();
					readies.computeIfAbsent(each, (key) -> new ArrayList<>()).add(ready);
					heaps.computeIfAbsent(each, (key) -> new ArrayList<>()).add(heap);
					lines.add(String
						.format("start %d (%s): ready %,d ms; fresh webhooks processed %,d ms after launch; %d of %d repeats "
								+ "processed again (%d+%d posted 2xx in %.1f s); heap used after GC %,d KiB; keep-up batch "
								+ "of %,d: ingest %,.0f req/s (%d not 2xx), all status events after %.1f s = "
								+ "%,.0f webhooks/s; heap after GC %,d KiB; restore deadline warnings: %d; OutOfMemoryError: %d",
								start, each, ready, processing, again, REPEATS, repeats.accepted(), probes.accepted(),
								(repeats.nanos() + probes.nanos()) / 1e9, heap, batch, sent.perSecond(), sent.other(),
								batchSeconds, batch / batchSeconds, heapAfter, bridge.logLines("took longer than"),
								bridge.logLines("OutOfMemoryError")));
					System.out.println(lines.get(lines.size() - 1));
				}
				finally {
					bridge.stop();
					if (hog != null) {
						hog.close();
					}
				}
			}
			System.out.printf(
					"%n-Xmx256m, %,d webhooks in the window (plus each start's batch), %d cores; empty window: "
							+ "ready %,d ms, heap %,d KiB%n",
					window, Runtime.getRuntime().availableProcessors(), emptyReady, emptyHeap);
			lines.forEach(System.out::println);
			readies.forEach((each, values) -> System.out.println(each + ": ready ms (min / median / max): "
					+ summary(values) + "; heap KiB after restore: " + summary(heaps.get(each))));
		}
	}

	private static Path productionJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"no target/*-exec.jar: ./mvnw -q package -pl ftbridge-service -am -DskipTests"))
				.toAbsolutePath();
		}
	}

	private static String summary(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return String.format("%,d / %,d / %,d", sorted.get(0), sorted.get(sorted.size() / 2),
				sorted.get(sorted.size() - 1));
	}

	private static String body(String connection, String syncId, String created) {
		return "{\"event\":\"sync_start\",\"created\":\"" + created + "\",\"connector_type\":\"postgres\","
				+ "\"connector_id\":\"" + connection + "\",\"connector_name\":\"pg\",\"sync_id\":\"" + syncId
				+ "\",\"destination_group_id\":\"g\",\"data\":{}}";
	}

	/**
	 * When each stored webhook arrived: evenly over {@code spanMillis} up to {@code end};
	 * each was created when it arrived.
	 */
	private record Arrivals(Instant end, long spanMillis, int count) {

		Instant at(int index) {
			return this.end.minusMillis(this.spanMillis - this.spanMillis * index / this.count);
		}

		String body(int index) {
			return WebhookMemoryBenchmark.body("window_" + index, "s-" + index, at(index).toString());
		}

	}

	/** The stored webhooks: distinct connections, written as the receiver stores them. */
	private static void fill(String bootstrap, Arrivals arrivals) {
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
						ByteArraySerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
						ByteArraySerializer.class, ProducerConfig.LINGER_MS_CONFIG, 20,
						ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.ACKS_CONFIG, "all"))) {
			for (int i = 0; i < arrivals.count(); i++) {
				Instant arrived = arrivals.at(i);
				ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("fivetran.webhooks", null,
						arrived.toEpochMilli(), bytes("window_" + i), bytes(arrivals.body(i)));
				// the headers the receiver writes (WebhookInbox)
				record.headers().add("content-type", bytes("application/json"));
				record.headers().add("ftbridge_received_at", bytes(arrived.toString()));
				producer.send(record);
			}
			producer.flush();
		}
	}

	/** As if the bridge had processed everything stored: the inbox group at the end. */
	private static void commitInboxAtEnd(String bootstrap) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
				KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
			Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
			consumer.endOffsets(partitions(consumer, "fivetran.webhooks"))
				.forEach((partition, end) -> offsets.put(partition, new OffsetAndMetadata(end)));
			admin.alterConsumerGroupOffsets("ftbridge-webhooks", offsets).all().get(60, TimeUnit.SECONDS);
		}
	}

	private static List<byte[][]> repeats(Arrivals arrivals) {
		List<byte[][]> bodies = new ArrayList<>();
		for (int i = 0; i < REPEATS; i++) {
			bodies.add(signed(arrivals.body((int) ((long) i * arrivals.count() / REPEATS))));
		}
		return bodies;
	}

	private static List<byte[][]> fresh(String prefix, int count) {
		String created = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
		List<byte[][]> bodies = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			bodies.add(signed(body(prefix + "_" + i, "s-" + i, created)));
		}
		return bodies;
	}

	private static final Mac MAC = StormCompletionBenchmark.mac();

	private static synchronized byte[][] signed(String body) {
		byte[] bytes = bytes(body);
		return new byte[][] { bytes, bytes(StormCompletionBenchmark.signature(MAC, bytes)) };
	}

	/** Waits for the status events; returns ms since the bridge's launch. */
	private static long awaitStatuses(String bootstrap, long target, Bridge bridge)
			throws InterruptedException, IOException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
			List<TopicPartition> partitions = partitions(consumer, "fivetran.status");
			for (int i = 0; consumer.endOffsets(partitions)
				.values()
				.stream()
				.mapToLong(Long::longValue)
				.sum() < target; i++) {
				if (System.nanoTime() > deadline || !bridge.process.isAlive()) {
					throw new IllegalStateException("status events missing; see " + bridge.log);
				}
				// the process outlives an OutOfMemoryError, its webhook consumers do not
				if (i % 50 == 0 && bridge.logLines("OutOfMemoryError") > 0) {
					throw new IllegalStateException("the bridge ran out of heap; see " + bridge.log);
				}
				Thread.sleep(20);
			}
		}
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - bridge.launched);
	}

	private static long ends(String bootstrap, String topic) {
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
			return consumer.endOffsets(partitions(consumer, topic)).values().stream().mapToLong(Long::longValue).sum();
		}
	}

	private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
		return consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map((p) -> new TopicPartition(topic, p.partition()))
			.toList();
	}

	private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** What a batch of posts got. */
	private record Sent(int accepted, int other, long nanos, int count) {

		double perSecond() {
			return this.count / (this.nanos / 1e9);
		}

	}

	/** The production jar in a JVM of its own with {@code -Xmx256m}. */
	private record Bridge(Process process, Path log, long launched, URI webhooks, URI readiness) {

		static Bridge start(Path jar, String bootstrap, Path log) throws IOException {
			int port = freePort();
			int management = freePort();
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			long launched = System.nanoTime();
			Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(),
					"--spring.kafka.bootstrap-servers=" + bootstrap, "--server.port=" + port,
					"--management.server.port=" + management, "--ftbridge.webhook.secrets=" + SECRET,
					"--ftbridge.fivetran.api-key=k", "--ftbridge.fivetran.api-secret=s",
					"--ftbridge.fivetran.base-url=http://127.0.0.1:" + freePort(), "--ftbridge.topics.partitions=12",
					"--management.endpoint.health.group.readiness.include=readinessState,kafka")
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new Bridge(process, log, launched, URI.create("http://127.0.0.1:" + port + "/webhooks/fivetran"),
					URI.create("http://127.0.0.1:" + management + "/actuator/health/readiness"));
		}

		/** Launch to readiness 200, in ms. */
		long awaitReady() throws Exception {
			HttpClient http = HttpClient.newHttpClient();
			while (System.nanoTime() - this.launched < TimeUnit.SECONDS.toNanos(180)) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("the bridge exited; see " + this.log);
				}
				try {
					HttpRequest request = HttpRequest.newBuilder(this.readiness).timeout(Duration.ofSeconds(1)).build();
					if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.launched);
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(20);
			}
			throw new IllegalStateException("not ready in 180 s; see " + this.log);
		}

		/** Forces a full GC, then reads the heap in use, in KiB. */
		long heapUsedKib() throws Exception {
			jcmd("GC.run");
			String info = jcmd("GC.heap_info");
			Matcher matcher = HEAP_USED.matcher(info);
			if (!matcher.find()) {
				throw new IllegalStateException("no heap figure in: " + info);
			}
			return Long.parseLong(matcher.group(2));
		}

		private String jcmd(String command) throws Exception {
			Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
					Long.toString(this.process.pid()), command)
				.redirectErrorStream(true)
				.start();
			String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			jcmd.waitFor(60, TimeUnit.SECONDS);
			return output;
		}

		/** Posts the signed bodies with that many senders, as fast as answered. */
		Sent post(List<byte[][]> bodies, int senders) throws InterruptedException {
			ExecutorService threads = Executors.newFixedThreadPool(senders);
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			AtomicInteger next = new AtomicInteger();
			AtomicInteger accepted = new AtomicInteger();
			AtomicInteger other = new AtomicInteger();
			long start = System.nanoTime();
			for (int t = 0; t < senders; t++) {
				threads.execute(() -> {
					int i;
					while ((i = next.getAndIncrement()) < bodies.size()) {
						HttpRequest request = HttpRequest.newBuilder(this.webhooks)
							.header("Content-Type", "application/json")
							.header("X-Fivetran-Signature-256", new String(bodies.get(i)[1], StandardCharsets.US_ASCII))
							.POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)[0]))
							.build();
						try {
							int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
							((status / 100 == 2) ? accepted : other).incrementAndGet();
						}
						catch (IOException ex) {
							other.incrementAndGet();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
							return;
						}
					}
				});
			}
			threads.shutdown();
			threads.awaitTermination(30, TimeUnit.MINUTES);
			return new Sent(accepted.get(), other.get(), System.nanoTime() - start, bodies.size());
		}

		long logLines(String containing) throws IOException {
			try (Stream<String> lines = Files.lines(this.log)) {
				return lines.filter((line) -> line.contains(containing)).count();
			}
		}

		void stop() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}

	}

}
