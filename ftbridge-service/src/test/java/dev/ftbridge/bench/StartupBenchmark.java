package dev.ftbridge.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.ftbridge.reliability.KafkaProcess;
import dev.ftbridge.support.AotTraining;

/**
 * How long the production jar takes from launch to a readiness probe of 200, against a
 * standalone broker (its own JVM), for several ways of launching it, quiet and with one
 * core busy. It runs the jar in Boot's extracted layout, as the image does (it extracts
 * target/ftbridge-service-*-exec.jar into target/startup-bench/); each variant's archive
 * is written by a training run before the runs measured. Run, on JDK 25 as the image is
 * built:
 * {@code JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -q -pl ftbridge-service -am
 * package -DskipTests && ./mvnw test -Dtest=StartupBenchmark -DskipITs -Dbench.args="5 both aot+spring,aotready+spring"}
 * (arguments: optionally a jar first, an {@code -exec.jar} or an extracted
 * {@code app.jar}; then runs, {@code quiet}, {@code hog} or {@code both}, and a
 * comma-separated list of variants; defaults {@code 5 both aot+spring,aotready+spring}).
 * Variants: {@code plain} (Java 17, no archive), {@code cds} (Java 17, a class-data
 * sharing archive, the image's way until 2026-12-05), {@code jdk25} (Java 25, no
 * archive), {@code aot} (Java 25, an AOT cache trained by a run that stops at the
 * context's refresh) and {@code aotready} (Java 25, an AOT cache written by the image's
 * own training script, {@code ops/aot/train-aot-cache.sh}: a start to readiness against a
 * throwaway broker; what the image runs); a {@code +spring} suffix adds
 * {@code -Dspring.aot.enabled=true} (the jar's Spring AOT code). Java 25 is
 * {@code -Dbench.java25=…/bin/java} (default
 * {@code /usr/lib/jvm/temurin-25-jdk-amd64/bin/java}). With {@code hog} a thread of the
 * benchmark (not the bridge's JVM) keeps one core busy from launch to readiness (a
 * bounded busy loop, {@link CpuHog}). The runs alternate (each run: every variant quiet,
 * then every variant with the hog), so a load change on the machine touches all of them
 * alike. Prints min / median / max of launch to readiness, and of launch to the end of
 * Spring's start as the bridge logs it ({@code Started … (process running for …)}), and
 * the CPU time the bridge used until ready (all its threads; it moves less with the
 * machine's load).
 */
public final class StartupBenchmark {

	private static final Pattern STARTED = Pattern.compile("process running for ([0-9.]+)");

	@Test
	void measure() throws Exception {
		List<String> args = new ArrayList<>(
				List.of(System.getProperty("bench.args", "5 both aot+spring,aotready+spring").trim().split("\\s+")));
		Path jar = extracted(
				(!args.isEmpty() && args.get(0).endsWith(".jar")) ? Path.of(args.remove(0)) : serviceJar());
		int runs = (args.size() > 0 && !args.get(0).isEmpty()) ? Integer.parseInt(args.get(0)) : 5;
		String mode = (args.size() > 1) ? args.get(1) : "both";
		List<Variant> variants = new ArrayList<>();
		for (String name : ((args.size() > 2) ? args.get(2) : "aot+spring,aotready+spring").split(",")) {
			variants.add(Variant.of(name, jar));
		}
		List<String> modes = mode.equals("both") ? List.of("quiet", "hog") : List.of(mode);
		Map<String, List<long[]>> results = new LinkedHashMap<>();
		try (KafkaProcess broker = KafkaProcess.start(Files.createTempDirectory("startup-bench").resolve("kafka"))) {
			// the first start creates the topics; the runs measured find them
			ready(jar, broker.bootstrapServers(), Variant.of("plain", jar), Path.of("/dev/null"));
			for (Variant variant : variants) {
				variant.train(jar);
			}
			Path log = Files.createTempFile("startup-bench", ".log");
			for (int i = 0; i < runs; i++) {
				for (String each : modes) {
					for (Variant variant : variants) {
						long[] figures;
						try (CpuHog hog = each.equals("hog") ? CpuHog.start(Duration.ofMinutes(2)) : null) {
							figures = ready(jar, broker.bootstrapServers(), variant, log);
						}
						results.computeIfAbsent(each + " " + variant.name(), (key) -> new ArrayList<>()).add(figures);
						System.out.printf("%-5s %-12s run %d: ready %d ms, started %d ms, cpu %d ms%n", each,
								variant.name(), i + 1, figures[0], figures[1], figures[2]);
					}
				}
			}
		}
		System.out.printf(
				"%nlaunch to readiness 200, to Spring's 'Started', and the bridge's CPU time until ready; "
						+ "%d runs each, %d cores, load at the end %s (min / median / max ms)%n",
				runs, Runtime.getRuntime().availableProcessors(), loadAverage());
		results.forEach((name, figures) -> System.out.printf("%-18s ready %s   started %s   cpu %s%n", name,
				summary(figures, 0), summary(figures, 1), summary(figures, 2)));
	}

	/** The runnable jar that {@code package} built in this module's target/. */
	private static Path serviceJar() throws IOException {
		try (var files = Files.list(Path.of("target"))) {
			return files.filter((path) -> path.getFileName().toString().matches("ftbridge-service-.*-exec\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no target/ftbridge-service-*-exec.jar: package first"));
		}
	}

	/**
	 * The jar in Boot's extracted layout: an {@code -exec.jar} is extracted into
	 * target/startup-bench/ first, an already extracted {@code app.jar} is used as it is.
	 */
	private static Path extracted(Path jar) throws Exception {
		if (!jar.getFileName().toString().endsWith("-exec.jar")) {
			return jar.toAbsolutePath();
		}
		Path directory = Path.of("target", "startup-bench").toAbsolutePath();
		Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--force",
				"--application-filename", "app.jar", "--destination", directory.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (extract.waitFor() != 0) {
			throw new IllegalStateException("could not extract " + jar);
		}
		return directory.resolve("app.jar");
	}

	/** Launch to readiness 200 and launch to Spring's "Started" line, in ms. */
	private static long[] ready(Path jar, String bootstrap, Variant variant, Path log) throws Exception {
		int port = freePort();
		int management = freePort();
		List<String> command = new ArrayList<>(List.of(variant.java()));
		command.addAll(variant.run());
		command.addAll(List.of("-jar", jar.toString(), "--spring.kafka.bootstrap-servers=" + bootstrap,
				"--server.port=" + port, "--management.server.port=" + management, "--ftbridge.fivetran.api-key=k",
				"--ftbridge.fivetran.api-secret=s", "--ftbridge.fivetran.base-url=http://127.0.0.1:" + freePort(),
				"--management.endpoint.health.group.readiness.include=readinessState,kafka"));
		long start = System.nanoTime();
		Process bridge = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		HttpClient http = HttpClient.newHttpClient();
		URI readiness = URI.create("http://127.0.0.1:" + management + "/actuator/health/readiness");
		try {
			while (System.nanoTime() - start < Duration.ofSeconds(120).toNanos()) {
				try {
					if (http
						.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(1)).build(),
								HttpResponse.BodyHandlers.discarding())
						.statusCode() == 200) {
						long ready = Duration.ofNanos(System.nanoTime() - start).toMillis();
						return new long[] { ready, started(log), cpuMillis(bridge.pid()) };
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				if (!bridge.isAlive()) {
					throw new IllegalStateException("the bridge exited: " + tail(log));
				}
				Thread.sleep(20);
			}
			throw new IllegalStateException("not ready in 120 s");
		}
		finally {
			bridge.destroy();
			if (!bridge.waitFor(60, TimeUnit.SECONDS)) {
				bridge.destroyForcibly().waitFor();
			}
		}
	}

	/**
	 * CPU time the bridge's JVM has used (user + system, every thread): what a hog takes
	 * from it is time, not work, so this figure moves less with the machine's load.
	 */
	private static long cpuMillis(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// utime and stime, fields 14 and 15 of proc(5), in clock ticks of (nearly always)
		// 10 ms
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
	}

	private static long started(Path log) throws IOException {
		if (log.toString().equals("/dev/null")) {
			return -1;
		}
		Matcher matcher = STARTED.matcher(Files.readString(log));
		return matcher.find() ? Math.round(Double.parseDouble(matcher.group(1)) * 1000) : -1;
	}

	private static String tail(Path log) throws IOException {
		String text = Files.readString(log);
		return text.substring(Math.max(0, text.length() - 2000));
	}

	private static String summary(List<long[]> figures, int index) {
		List<Long> sorted = figures.stream().map((each) -> each[index]).sorted().toList();
		return sorted.get(0) + " / " + sorted.get(sorted.size() / 2) + " / " + sorted.get(sorted.size() - 1);
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * One way of launching the jar: which JVM, what its training run writes, and the
	 * options every measured start gets.
	 */
	private record Variant(String name, String java, List<String> training, boolean toReady, List<String> run) {

		static Variant of(String name, Path jar) {
			// base[+spring][+serial]: Spring AOT's generated context; the serial
			// collector
			// (what the JVM picks by itself with under 2 CPUs or 1,792 MiB)
			List<String> parts = List.of(name.split("\\+"));
			String base = parts.get(0);
			boolean spring = parts.contains("spring");
			String java17 = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			String java25 = System.getProperty("bench.java25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
			String file = jar.resolveSibling("app-" + name.replace('+', '-')).toString();
			List<String> aot = new ArrayList<>();
			if (spring) {
				aot.add("-Dspring.aot.enabled=true");
			}
			if (parts.contains("serial")) {
				aot.add("-XX:+UseSerialGC");
			}
			Variant variant = switch (base) {
				case "plain" -> new Variant(name, java17, List.of(), false, List.of());
				case "jdk25" -> new Variant(name, java25, List.of(), false, List.of());
				case "cds" -> new Variant(name, java17, List.of("-XX:ArchiveClassesAtExit=" + file + ".jsa"), false,
						List.of("-XX:SharedArchiveFile=" + file + ".jsa"));
				case "aot" -> new Variant(name, java25, List.of("-XX:AOTCacheOutput=" + file + ".aot"), false,
						List.of("-XX:AOTCache=" + file + ".aot"));
				case "aotready" -> new Variant(name, java25, List.of(), true, List.of("-XX:AOTCache=" + file + ".aot"));
				default -> throw new IllegalArgumentException("unknown variant " + name);
			};
			return variant.with(aot);
		}

		private Variant with(List<String> options) {
			List<String> training = new ArrayList<>(this.training);
			List<String> run = new ArrayList<>(this.run);
			if (!training.isEmpty()) {
				training.addAll(options);
			}
			run.addAll(options);
			return new Variant(this.name, this.java, training, this.toReady, run);
		}

		/**
		 * The training run: {@code aotready} runs the image's
		 * {@code ops/aot/train-aot-cache.sh} (a start to readiness against a throwaway
		 * broker of its own, stopped with SIGTERM); the others, as the image did before,
		 * refresh the context and close it.
		 */
		void train(Path jar) throws Exception {
			if (this.toReady) {
				// the image's script, with the options every start gets but the cache's
				String cache = this.run.stream()
					.filter((option) -> option.startsWith("-XX:AOTCache="))
					.findFirst()
					.orElseThrow()
					.substring("-XX:AOTCache=".length());
				List<String> options = this.run.stream()
					.filter((option) -> !option.startsWith("-XX:AOTCache="))
					.toList();
				AotTraining.train(Path.of(this.java), jar, Path.of(cache), options,
						Files.createTempFile("aot-training", ".log"));
				return;
			}
			if (this.training.isEmpty()) {
				return;
			}
			List<String> command = new ArrayList<>(List.of(this.java));
			command.addAll(this.training);
			command.addAll(List.of("-Dspring.context.exit=onRefresh", "-Dftbridge.topics.create=false", "-jar",
					jar.toString()));
			Process training = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (training.waitFor() != 0) {
				throw new IllegalStateException("training run of " + this.name + " failed: " + command);
			}
		}

	}

}
