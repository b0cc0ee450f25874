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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.ftbridge.reliability.KafkaProcess;

/**
 * Webhook ingest measured from outside, as the issue measured it: the production jar
 * ({@code java -jar}, its own JVM) against a standalone KRaft broker (its own JVM), and
 * {@code wrk} (a separate process, not Java) posting distinct signed {@code sync_end}
 * webhooks with 2 threads and 64 connections ({@code ops/bench/webhooks.lua}, bodies from
 * {@code ops/bench/webhook-bodies.py}, a fresh file per run). Each run prints wrk's
 * req/s, p50/p99/max, the answers other than 2xx, and the records the webhook topic
 * gained against the 2xx answers (the ones still in flight when wrk stops can be stored
 * without being counted, so stored ≥ 2xx means nothing was lost). Then min / median / max
 * over the runs. With {@code hog} a busy loop on one core ({@code sh}, a separate process
 * that stops by itself) runs beside each run: "busy" as a number.
 *
 * <p>
 * Needs {@code wrk} and {@code python3} on the PATH (skips, saying so, without them) and
 * the packaged jar ({@code ./mvnw -q package -DskipTests}). Run:
 * {@code ./mvnw test -Dtest=WrkIngestBenchmark -DskipITs -Dbench.args="RUNS SECONDS quiet|hog|both [JAR]"}
 * (defaults {@code 3 15 both} and the service module's {@code target/*-exec.jar}).
 */
public final class WrkIngestBenchmark {

	private static final String SECRET = "wrk-bench-webhook-secret";

	private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern LATENCY = Pattern
		.compile("p50 ([0-9.]+) ms, p90 ([0-9.]+) ms, p99 ([0-9.]+) ms, max ([0-9.]+) ms; non-2xx/3xx: (\\d+)");

	private static final Pattern COMPLETED = Pattern.compile("(\\d+) requests in");

	@Test
	void measure() throws Exception {
		Assumptions.assumeTrue(onPath("wrk"), "wrk is not installed (Debian package wrk): nothing measured");
		Assumptions.assumeTrue(onPath("python3"), "python3 is not installed: nothing measured");
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		String[] args = System.getProperty("bench.args", "3 15 both").trim().split("\\s+");
		int runs = Integer.parseInt(args[0]);
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 15;
		String mode = (args.length > 2) ? args[2] : "both";
		Path jar = (args.length > 3) ? Path.of(args[3]) : packagedJar();
		Path root = projectRoot();
		Path directory = Files.createTempDirectory("wrk-bench");
		try (KafkaProcess broker = KafkaProcess.start(directory.resolve("kafka"))) {
			int port = freePort();
			int management = freePort();
			Process bridge = new ProcessBuilder("java", "-jar", jar.toAbsolutePath().toString(),
					"--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(), "--server.port=" + port,
					"--management.server.port=" + management, "--ftbridge.webhook.secrets=" + SECRET,
					"--ftbridge.fivetran.api-key=unused", "--ftbridge.fivetran.api-secret=unused",
					"--ftbridge.fivetran.base-url=http://127.0.0.1:" + freePort(),
					"--management.endpoint.health.group.readiness.include=readinessState,kafka")
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("bridge.log").toFile())
				.start();
			try {
				awaitReady(management, bridge, directory.resolve("bridge.log"));
				String url = "http://127.0.0.1:" + port + "/webhooks/fivetran";
				// warm the JIT and the connections; not counted
				wrk(root, directory, url, 5, false, broker.bootstrapServers());
				List<String> modes = mode.equals("both") ? List.of("quiet", "hog") : List.of(mode);
				System.out.printf(
						"%nwrk -t2 -c64 -d%ds, distinct signed webhooks, production jar (%s), standalone "
								+ "broker, %d cores%n",
						seconds, jar.getFileName(), Runtime.getRuntime().availableProcessors());
				for (String each : modes) {
					List<Run> results = new ArrayList<>();
					for (int i = 0; i < runs; i++) {
						Run run = wrk(root, directory, url, seconds, each.equals("hog"), broker.bootstrapServers());
						results.add(run);
						System.out.printf("%s %d: %s (load %s)%n", each, i + 1, run, load());
					}
					System.out.printf("%s x %d: req/s %s; p99 ms %s; non-2xx %s%n", each, runs,
							summary(results.stream().map(Run::perSecond).toList()),
							summary(results.stream().map(Run::p99).toList()),
							results.stream().map((r) -> Long.toString(r.non2xx())).toList());
				}
			}
			finally {
				bridge.destroy();
				if (!bridge.waitFor(30, TimeUnit.SECONDS)) {
					bridge.destroyForcibly();
				}
			}
		}
	}

	private static Run wrk(Path root, Path directory, String url, int seconds, boolean hog, String bootstrap)
			throws Exception {
		Path bodies = directory.resolve("webhooks.txt");
		// ~6,000/s at most here: enough distinct bodies that no run repeats one
		Process writer = new ProcessBuilder("python3", root.resolve("ops/bench/webhook-bodies.py").toString(), SECRET,
				Integer.toString(Math.max(20_000, seconds * 8_000)))
			.redirectOutput(bodies.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		if (writer.waitFor() != 0) {
			throw new IllegalStateException("webhook-bodies.py failed");
		}
		Thread.sleep(1_000); // the next file's "created" second differs, so its bodies
								// too
		long storedBefore = stored(bootstrap);
		Process busy = hog
				? new ProcessBuilder("timeout", Integer.toString(seconds + 30), "sh", "-c", "while :; do :; done")
					.start()
				: null;
		try {
			ProcessBuilder builder = new ProcessBuilder("wrk", "-t2", "-c64", "-d" + seconds + "s", "-s",
					root.resolve("ops/bench/webhooks.lua").toString(), url)
				.redirectErrorStream(true);
			builder.environment().put("WEBHOOKS", bodies.toString());
			Process wrk = builder.start();
			String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
				throw new IllegalStateException("wrk failed: " + out);
			}
			Matcher latency = find(LATENCY, out);
			long completed = Long.parseLong(find(COMPLETED, out).group(1));
			long non2xx = Long.parseLong(latency.group(5));
			Thread.sleep(2_000); // answers in flight at wrk's stop land
			return new Run(Double.parseDouble(find(REQUESTS_PER_SECOND, out).group(1)),
					Double.parseDouble(latency.group(1)), Double.parseDouble(latency.group(3)),
					Double.parseDouble(latency.group(4)), completed - non2xx, non2xx, stored(bootstrap) - storedBefore);
		}
		finally {
			if (busy != null) {
				busy.destroy();
				busy.waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	private static Matcher find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + pattern + " in wrk's output: " + text);
		}
		return matcher;
	}

	/** Records in the webhook topic, all partitions. */
	private static long stored(String bootstrap) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			List<TopicPartition> partitions = admin.describeTopics(List.of("fivetran.webhooks"))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get("fivetran.webhooks")
				.partitions()
				.stream()
				.map((p) -> new TopicPartition("fivetran.webhooks", p.partition()))
				.toList();
			Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
			partitions.forEach((p) -> latest.put(p, OffsetSpec.latest()));
			return admin.listOffsets(latest)
				.all()
				.get(30, TimeUnit.SECONDS)
				.values()
				.stream()
				.mapToLong((info) -> info.offset())
				.sum();
		}
	}

	private static void awaitReady(int management, Process bridge, Path log) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		URI readiness = URI.create("http://127.0.0.1:" + management + "/actuator/health/readiness");
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			if (!bridge.isAlive()) {
				throw new IllegalStateException("the bridge exited; see " + log);
			}
			try {
				if (http
					.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("the bridge was not ready within 120 s; see " + log);
	}

	private static Path packagedJar() throws IOException {
		Path target = projectRoot().resolve("ftbridge-service/target");
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((p) -> p.getFileName().toString().endsWith("-exec.jar"))
				.max(Comparator.comparing((Path p) -> p.toFile().lastModified()))
				.orElseThrow(() -> new IllegalStateException(
						"no *-exec.jar in " + target + ": run ./mvnw -q package -DskipTests first"));
		}
	}

	private static Path projectRoot() {
		Path here = Path.of("").toAbsolutePath();
		return Files.isDirectory(here.resolve("ops")) ? here : here.getParent();
	}

	private static boolean onPath(String program) {
		return Stream.of(System.getenv("PATH").split(":")).anyMatch((dir) -> Files.isExecutable(Path.of(dir, program)));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String load() throws IOException {
		return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
	}

	private static String summary(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		return String.format("%.1f / %.1f / %.1f", sorted.get(0), sorted.get(sorted.size() / 2),
				sorted.get(sorted.size() - 1));
	}

	private record Run(double perSecond, double p50, double p99, double max, long answered2xx, long non2xx,
			long stored) {

		@Override
		public String toString() {
			return String.format(
					"%.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d answered 2xx, %d other, " + "%d stored%s",
					this.perSecond, this.p50, this.p99, this.max, this.answered2xx, this.non2xx, this.stored,
					(this.stored >= this.answered2xx) ? "" : " — LOST " + (this.answered2xx - this.stored));
		}

	}

}
