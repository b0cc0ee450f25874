package dev.ftbridge.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.ftbridge.FtbridgeApplication;
import dev.ftbridge.sandbox.FivetranSandbox;
import dev.ftbridge.sandbox.Latency;
import dev.ftbridge.sandbox.Limits;
import dev.ftbridge.sandbox.SandboxSettings;

/**
 * The throttle benchmark: bulk-create connections whose setup tests take 5–20 s each,
 * plus pause/resume commands, through the bridge against the sandbox with Fivetran's
 * paid-plan limits enforced; then the same workload the way the classic scripts do it
 * (one call at a time with a fixed sleep). Time is compressed; every figure is reported
 * in sandbox time. Run: {@code ./mvnw test -Dtest=ThrottleBenchmark -DskipITs}
 * (arguments: creates, pause/resume commands, time scale, runs, and {@code quiet},
 * {@code hog} or {@code both}; defaults 2000 2000 10 1 quiet). With {@code hog} a thread
 * of the benchmark keeps one core busy during each bridge run (a bounded busy loop that
 * stops by itself), so the throttle's robustness to scheduling noise is a number: min,
 * median and max over the runs.
 */
public final class ThrottleBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String KEY = "bench-key";

	private static final String SECRET = "bench-secret";

	/**
	 * Run on demand, not in {@code ./mvnw verify} (the name is not a test name):
	 * {@code ./mvnw test -Dtest=ThrottleBenchmark -DskipITs}, arguments in
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
		int creates = (args.length > 0) ? Integer.parseInt(args[0]) : 2000;
		int toggles = (args.length > 1) ? Integer.parseInt(args[1]) : 2000;
		double scale = (args.length > 2) ? Double.parseDouble(args[2]) : 10;
		int runs = (args.length > 3) ? Integer.parseInt(args[3]) : 1;
		String mode = (args.length > 4) ? args[4] : "quiet";
		System.out.printf(
				"Throttle benchmark: %d creates with setup tests (5-20 s each), %d pause/resume, "
						+ "time x%.0f, paid-plan limits enforced by the sandbox, %d run(s) %s%n",
				creates, toggles, scale, runs, mode);
		double lowerBound = lowerBoundMinutes(creates, 250, 5);
		double configuredBound = lowerBoundMinutes(creates, (int) Math.floor(250 * 0.95), 5);
		System.out.printf(
				"bound  : %.2f min by Fivetran's documented limit (250 setup tests/min); "
						+ "%.2f min by the bridge's default budget (237/min, 5%% margin)%n",
				lowerBound, configuredBound);
		Map<String, List<Result>> byMode = new java.util.LinkedHashMap<>();
		for (String each : mode.equals("both") ? List.of("quiet", "hog") : List.of(mode)) {
			List<Result> results = new ArrayList<>();
			for (int run = 1; run <= runs; run++) {
				Result bridge;
				try (CpuHog hog = each.equals("hog") ? CpuHog.start(Duration.ofMinutes(15)) : null) {
					bridge = runBridge(creates, toggles, scale);
				}
				results.add(bridge);
				System.out.printf(
						"%-5s run %d: %.2f sandbox minutes (%.1f s real), %.3f of the configured bound, "
								+ "%.3f of the documented, 429s: %d, peak heap %d MiB%n",
						each, run, bridge.sandboxMinutes(), bridge.realSeconds(),
						bridge.sandboxMinutes() / configuredBound, bridge.sandboxMinutes() / lowerBound,
						bridge.tooManyRequests(), bridge.peakHeapMiB());
			}
			byMode.put(each, results);
		}
		Result classic = runClassic(Math.max(1, creates / 20), Math.max(1, toggles / 20), 600);
		double classicMinutes = classic.sandboxMinutes() * 20;
		System.out.println();
		for (Map.Entry<String, List<Result>> entry : byMode.entrySet()) {
			List<Double> ratios = entry.getValue()
				.stream()
				.map((r) -> r.sandboxMinutes() / configuredBound)
				.sorted()
				.toList();
			long tooMany = entry.getValue().stream().mapToLong(Result::tooManyRequests).sum();
			System.out.printf(
					"%-5s: of the configured bound min %.3f / median %.3f / max %.3f over %d run(s) "
							+ "(target median <= 1.10); 429s in all runs: %d%n",
					entry.getKey(), ratios.get(0), ratios.get(ratios.size() / 2), ratios.get(ratios.size() - 1),
					ratios.size(), tooMany);
		}
		double bridgeMedian = byMode.values()
			.iterator()
			.next()
			.stream()
			.mapToDouble(Result::sandboxMinutes)
			.sorted()
			.toArray()[runs / 2];
		System.out.printf(
				"classic: one call at a time with a 1 s sleep: %.1f sandbox minutes "
						+ "(measured on 1/20 of the workload, x20), 429s: %d%n",
				classicMinutes, classic.tooManyRequests());
		System.out.printf("speed-up over the classic script: %.1fx (median %s run)%n", classicMinutes / bridgeMedian,
				byMode.keySet().iterator().next());
	}

	/**
	 * With a rolling per-minute limit L, N setup tests need (ceil(N/L) - 1) full windows
	 * before the last batch can start, and the last one takes at least the shortest setup
	 * test.
	 */
	static double lowerBoundMinutes(int setupTests, int perMinute, int shortestSeconds) {
		return (Math.ceil((double) setupTests / perMinute) - 1) + shortestSeconds / 60.0;
	}

	private static Result runBridge(int creates, int toggles, double scale) throws Exception {
		EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 12)
			.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0"));
		broker.afterPropertiesSet();
		FivetranSandbox sandbox = FivetranSandbox.start(SandboxSettings.defaults()
			.withCredentials(KEY, SECRET)
			.withTimeScale(scale)
			.withLatency(Latency.defaults())
			.withLimits(Limits.paid()));
		String group = sandbox.state().addGroup("bench").id();
		List<String> seeded = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			seeded.add(sandbox.state().addConnection(group, "postgres", "seed" + i));
		}
		ConfigurableApplicationContext bridge = new SpringApplicationBuilder(FtbridgeApplication.class).run(
				"--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
				"--ftbridge.fivetran.base-url=" + sandbox.baseUrl(), "--ftbridge.fivetran.api-key=" + KEY,
				"--ftbridge.fivetran.api-secret=" + SECRET, "--ftbridge.fivetran.limits.time-scale=" + scale,
				"--ftbridge.command.max-concurrency=256", "--ftbridge.command.scarce-concurrency=256",
				"--server.port=0", "--management.server.port=0", "--logging.level.root=ERROR");
		AtomicLong peakHeap = new AtomicLong();
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> peakHeap
			.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 100,
				TimeUnit.MILLISECONDS);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
						ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
						ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			// Warm up: every producer and consumer group settled before the clock starts.
			awaitResults(broker.getBrokersAsString(), Set.of(send(producer, seeded.get(0), "fivetran.connection.status",
					"{\"connection_id\":\"" + seeded.get(0) + "\"}")));
			// -Dbench.warmup=N: N status commands at once first, as a bridge that has run
			// a while has its HTTP connections open and its code compiled
			Set<String> warm = new HashSet<>();
			for (int i = 0; i < Integer.getInteger("bench.warmup", 0); i++) {
				String connection = seeded.get(i % seeded.size());
				warm.add(send(producer, connection, "fivetran.connection.status",
						"{\"connection_id\":\"" + connection + "\"}"));
			}
			producer.flush();
			awaitResults(broker.getBrokersAsString(), warm);
			Set<String> ids = new HashSet<>();
			java.time.Instant startedAt = java.time.Instant.now();
			long start = System.nanoTime();
			for (int i = 0; i < Math.max(creates, toggles); i++) {
				if (i < creates) {
					ids.add(send(producer, group + "/bench" + i, "fivetran.connection.create", "{\"group_id\":\""
							+ group + "\",\"service\":\"postgres\",\"config\":{\"schema\":\"bench" + i + "\"}}"));
				}
				if (i < toggles) {
					String connection = seeded.get(i % seeded.size());
					String type = (i / seeded.size() % 2 == 0) ? "fivetran.connection.pause"
							: "fivetran.connection.resume";
					ids.add(send(producer, connection, type, "{\"connection_id\":\"" + connection + "\"}"));
				}
			}
			producer.flush();
			awaitResults(broker.getBrokersAsString(), ids);
			double realSeconds = (System.nanoTime() - start) / 1e9;
			long tooMany = sandbox.requestLog().matching((r) -> r.status() == 429).size();
			printTimeline(sandbox, startedAt, scale, realSeconds * scale);
			return new Result(realSeconds * scale / 60, realSeconds, tooMany, peakHeap.get() / (1024 * 1024));
		}
		finally {
			sampler.shutdownNow();
			bridge.close();
			sandbox.close();
			broker.destroy();
		}
	}

	/**
	 * Where the time went, from the sandbox's own log: when the setup tests were counted
	 * (sandbox seconds after the start), and how long after a slot of the bridge's budget
	 * freed (the test 237 earlier plus a minute) the sandbox counted the test that took
	 * it: the allowance, the margin and the delivery together.
	 */
	private static void printTimeline(FivetranSandbox sandbox, java.time.Instant startedAt, double scale,
			double endSeconds) {
		List<Double> counted = sandbox.requestLog()
			.matching((r) -> r.status() != 429 && "POST".equals(r.method()) && "/v1/connections".equals(r.path()))
			.stream()
			.map((r) -> Duration.between(startedAt, r.realTime()).toNanos() * scale / 1e9)
			.sorted()
			.toList();
		int budget = (int) Math.floor(250 * 0.95);
		List<Double> late = new ArrayList<>();
		StringBuilder batches = new StringBuilder();
		for (int i = 0; i < counted.size(); i++) {
			if (i >= budget) {
				late.add(counted.get(i) - counted.get(i - budget) - 60);
			}
			if (i % budget == 0) {
				int last = Math.min(counted.size(), i + budget) - 1;
				batches.append(String.format(" [%.2f %.2f %.2f %.2f]", counted.get(i), counted.get((i + last) / 2),
						counted.get(i + (last - i) * 9 / 10), counted.get(last)));
			}
		}
		Map<String, List<Double>> byKind = new java.util.TreeMap<>();
		sandbox.requestLog()
			.matching((r) -> true)
			.forEach((r) -> byKind
				.computeIfAbsent(r.method() + " " + r.path().replaceAll("/v1/connections/[^/]+", "/v1/connections/ID")
						+ " " + r.status(), (k) -> new ArrayList<>())
				.add(Duration.between(startedAt, r.realTime()).toNanos() * scale / 1e9));
		byKind.forEach((kind, times) -> {
			List<Double> t = times.stream().sorted().toList();
			System.out.printf("        %-40s %5d  %.2f %.2f %.2f%n", kind, t.size(), t.get(0), t.get(t.size() / 2),
					t.get(t.size() - 1));
		});
		List<Double> sorted = late.stream().sorted().toList();
		System.out.printf(
				"        setup tests counted from %.2f to %.2f s; batches of %d (first, median, p90, last):%s s%n",
				counted.get(0), counted.get(counted.size() - 1), budget, batches);
		if (!sorted.isEmpty()) {
			System.out.printf(
					"        counted after its slot freed: min %.2f / median %.2f / p90 %.2f / max %.2f sandbox s%n",
					sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 9 / 10),
					sorted.get(sorted.size() - 1));
		}
		printWhereTheTimeWent(counted, budget, endSeconds);
	}

	/**
	 * The run's length taken apart. With a rolling window the last setup test can be
	 * counted no earlier than a minute after the one a batch before it, so its chain back
	 * to the first batch explains the whole run: when the chain's first test was counted
	 * (intake), how much later than a minute each link followed (per window: the bridge's
	 * allowance for when Fivetran counted the earlier test, plus waking and delivering
	 * the later one), and the tail (the last setup test and its result). Then the budget
	 * left unused: setup tests counted per sandbox second against the configured rate,
	 * and the mean of free slots in the trailing minute while tests were still to come.
	 */
	private static void printWhereTheTimeWent(List<Double> counted, int budget, double endSeconds) {
		int last = counted.size() - 1;
		int first = last % budget;
		double gaps = 0;
		StringBuilder links = new StringBuilder();
		for (int i = first + budget; i <= last; i += budget) {
			double gap = counted.get(i) - counted.get(i - budget) - 60;
			gaps += gap;
			links.append(String.format(" %.2f", gap));
		}
		System.out.printf(
				"        chain of the last test: starts %.2f (test %d of the first batch), links%s = %.2f, "
						+ "tail %.2f: ends %.2f sandbox s%n",
				counted.get(first), first + 1, links, gaps, endSeconds - counted.get(last), endSeconds);
		double start = counted.get(0);
		double free = 0;
		int samples = 0;
		int head = 0;
		int tail = 0;
		StringBuilder perSecond = new StringBuilder();
		for (double t = start; t < counted.get(last); t += 0.1, samples++) {
			while (head < counted.size() && counted.get(head) <= t) {
				head++;
			}
			while (counted.get(tail) <= t - 60) {
				tail++;
			}
			free += budget - (head - tail);
		}
		for (int second = 0; second < 30; second++) {
			double from = start + second;
			perSecond.append(' ').append(counted.stream().filter((c) -> c >= from && c < from + 1).count());
		}
		System.out.printf(
				"        first 30 s, setup tests counted per sandbox second (bound %.2f/s):%s; "
						+ "mean free slots of the trailing minute until the last test: %.1f of %d%n",
				budget / 60.0, perSecond, free / Math.max(1, samples), budget);
	}

	/**
	 * One call at a time, each followed by a fixed one-second sleep, as the classic
	 * scripts do.
	 */
	private static Result runClassic(int creates, int toggles, double scale) throws Exception {
		try (FivetranSandbox sandbox = FivetranSandbox.start(SandboxSettings.defaults()
			.withCredentials(KEY, SECRET)
			.withTimeScale(scale)
			.withLatency(Latency.defaults())
			.withLimits(Limits.paid()))) {
			String group = sandbox.state().addGroup("classic").id();
			String connection = sandbox.state().addConnection(group, "postgres", "seed");
			HttpClient http = HttpClient.newHttpClient();
			String auth = "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes());
			long sleepMillis = Math.round(1000 / scale);
			long start = System.nanoTime();
			for (int i = 0; i < creates; i++) {
				call(http, auth, "POST", sandbox.baseUrl() + "/v1/connections", "{\"group_id\":\"" + group
						+ "\",\"service\":\"postgres\",\"config\":{\"schema\":\"classic" + i + "\"}}");
				Thread.sleep(sleepMillis);
			}
			for (int i = 0; i < toggles; i++) {
				call(http, auth, "PATCH", sandbox.baseUrl() + "/v1/connections/" + connection,
						"{\"paused\":" + (i % 2 == 0) + ",\"run_setup_tests\":false}");
				Thread.sleep(sleepMillis);
			}
			double realSeconds = (System.nanoTime() - start) / 1e9;
			long tooMany = sandbox.requestLog().matching((r) -> r.status() == 429).size();
			return new Result(realSeconds * scale / 60, realSeconds, tooMany, 0);
		}
	}

	private static void call(HttpClient http, String auth, String method, String url, String body) throws Exception {
		http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", auth)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	private static String send(KafkaProducer<String, String> producer, String key, String type, String data) {
		String id = java.util.UUID.randomUUID().toString();
		String event = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"urn:bench\",\"type\":\"" + type
				+ "\",\"data\":" + data + "}";
		producer.send(new ProducerRecord<>("fivetran.commands", key, event));
		return id;
	}

	private static void awaitResults(String bootstrap, Set<String> ids) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			List<TopicPartition> partitions = consumer.partitionsFor("fivetran.command-results", Duration.ofSeconds(30))
				.stream()
				.map((p) -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Set<String> pending = new HashSet<>(ids);
			while (!pending.isEmpty()) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					JsonNode data = JSON.readTree(record.value()).path("data");
					pending.remove(data.path("command_id").asString());
				}
			}
		}
	}

	private record Result(double sandboxMinutes, double realSeconds, long tooManyRequests, long peakHeapMiB) {

	}

}
