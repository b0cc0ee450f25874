package dev.ftbridge.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ftbridge.reliability.KafkaProcess;

/**
 * How long the production jar takes from launch to a readiness probe of 200, against a
 * standalone broker (its own JVM), with and without a class-data sharing archive. Needs
 * Boot's extracted layout ({@code java -Djarmode=tools -jar app.jar extract --destination
 * DIR}); the archive is written by a training run as the Dockerfile does. Run:
 * {@code ./mvnw test -Dtest=StartupBenchmark -DskipITs -Dbench.args="DIR/app.jar 5"}.
 */
public final class StartupBenchmark {

	@Test
	void measure() throws Exception {
		String[] args = System.getProperty("bench.args", "target/extracted/app.jar 5").trim().split("\\s+");
		Path jar = Path.of(args[0]).toAbsolutePath();
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		Path archive = jar.resolveSibling("app.jsa");
		Process training = new ProcessBuilder("java", "-XX:ArchiveClassesAtExit=" + archive,
				"-Dspring.context.exit=onRefresh", "-Dftbridge.topics.create=false", "-jar", jar.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		training.waitFor();
		try (KafkaProcess broker = KafkaProcess.start(Files.createTempDirectory("startup-bench").resolve("kafka"))) {
			// the first start creates the topics; the runs measured find them
			ready(jar, broker.bootstrapServers(), List.of());
			List<Long> plain = new ArrayList<>();
			List<Long> shared = new ArrayList<>();
			for (int i = 0; i < runs; i++) {
				plain.add(ready(jar, broker.bootstrapServers(), List.of()));
				shared.add(ready(jar, broker.bootstrapServers(), List.of("-XX:SharedArchiveFile=" + archive)));
			}
			System.out.printf("%nready after launch, %d runs each, %d cores (min / median / max ms)%n", runs,
					Runtime.getRuntime().availableProcessors());
			System.out.println("without CDS: " + summary(plain));
			System.out.println("with CDS:    " + summary(shared));
		}
	}

	private static long ready(Path jar, String bootstrap, List<String> jvm) throws Exception {
		int port = freePort();
		int management = freePort();
		List<String> command = new ArrayList<>(List.of("java"));
		command.addAll(jvm);
		command.addAll(List.of("-jar", jar.toString(), "--spring.kafka.bootstrap-servers=" + bootstrap,
				"--server.port=" + port, "--management.server.port=" + management, "--ftbridge.fivetran.api-key=k",
				"--ftbridge.fivetran.api-secret=s", "--ftbridge.fivetran.base-url=http://127.0.0.1:" + freePort(),
				"--management.endpoint.health.group.readiness.include=readinessState,kafka"));
		long start = System.nanoTime();
		Process bridge = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		HttpClient http = HttpClient.newHttpClient();
		URI readiness = URI.create("http://127.0.0.1:" + management + "/actuator/health/readiness");
		try {
			while (System.nanoTime() - start < Duration.ofSeconds(120).toNanos()) {
				try {
					if (http
						.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(1)).build(),
								HttpResponse.BodyHandlers.discarding())
						.statusCode() == 200) {
						return Duration.ofNanos(System.nanoTime() - start).toMillis();
					}
				}
				catch (java.io.IOException ex) {
					// not listening yet
				}
				Thread.sleep(20);
			}
			throw new IllegalStateException("not ready in 120 s");
		}
		finally {
			bridge.destroy();
			bridge.waitFor();
		}
	}

	private static String summary(List<Long> millis) {
		List<Long> sorted = millis.stream().sorted().toList();
		return sorted.get(0) + " / " + sorted.get(sorted.size() / 2) + " / " + sorted.get(sorted.size() - 1) + "  "
				+ millis;
	}

	private static int freePort() throws java.io.IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
