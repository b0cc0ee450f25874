package dev.ftbridge;

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
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's runnable jar, as {@code package} built it (the image runs the same jar):
 * the bridge and its libraries, and none of the test equipment or the command line; it
 * becomes ready both from Spring AOT's generated code (as the image runs it) and without.
 */
class ServiceJarIT {

	@Test
	void theServiceJarHoldsNoSandboxAndNoCommandLine() throws IOException {
		Path jar = serviceJar();
		List<String> entries;
		try (JarFile file = new JarFile(jar.toFile())) {
			entries = file.stream().map(ZipEntry::getName).toList();
		}
		System.out.printf("service jar %s: %,d bytes, %d entries%n", jar.getFileName(), Files.size(jar),
				entries.size());

		assertThat(entries).contains("BOOT-INF/classes/dev/ftbridge/FtbridgeApplication.class")
			.anyMatch((entry) -> entry.startsWith("BOOT-INF/lib/ftbridge-contract-"));
		assertThat(entries).as("sandbox classes or jar")
			.noneMatch((entry) -> entry.contains("dev/ftbridge/sandbox/") || entry.contains("fivetran-sandbox"));
		assertThat(entries).as("the command line and its libraries")
			.noneMatch((entry) -> entry.contains("dev/ftbridge/cli/") || entry.contains("ftbridge-cli")
					|| entry.contains("picocli") || entry.contains("jackson-dataformat-csv"));
		assertThat(entries).as("test libraries")
			.noneMatch((entry) -> entry.contains("junit") || entry.contains("kafka-server")
					|| entry.contains("spring-kafka-test"));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theServiceJarBecomesReadyWithAndWithoutSpringAot(boolean aot) throws Exception {
		EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.afterPropertiesSet();
		Path log = Files.createTempFile("service-jar", ".log");
		int management = freePort();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		if (aot) {
			command.add("-Dspring.aot.enabled=true");
		}
		command.addAll(List.of("-jar", serviceJar().toString(),
				"--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "--server.port=" + freePort(),
				"--management.server.port=" + management, "--ftbridge.fivetran.api-key=k",
				"--ftbridge.fivetran.api-secret=s", "--ftbridge.fivetran.base-url=http://127.0.0.1:" + freePort(),
				"--ftbridge.topics.partitions=1",
				"--management.endpoint.health.group.readiness.include=readinessState,kafka"));
		Process bridge = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			assertThat(awaitReady(bridge, management)).as("readiness 200; log:%n%s", Files.readString(log)).isTrue();
			String started = Files.readAllLines(log)
				.stream()
				.filter((line) -> line.contains("Starting ") && line.contains("FtbridgeApplication"))
				.findFirst()
				.orElse("");
			// Boot says so when the context came from the generated code
			assertThat(started.contains("Starting AOT-processed FtbridgeApplication")).as(started).isEqualTo(aot);
		}
		finally {
			bridge.destroy();
			bridge.waitFor();
			broker.destroy();
		}
	}

	private static boolean awaitReady(Process bridge, int management) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		URI readiness = URI.create("http://127.0.0.1:" + management + "/actuator/health/readiness");
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline && bridge.isAlive()) {
			try {
				if (http
					.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return true;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		return false;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Path serviceJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			List<Path> jars = files
				.filter((path) -> path.getFileName().toString().matches("ftbridge-service-.*-exec\\.jar"))
				.toList();
			assertThat(jars).as("the runnable jar in target/ (run after package)").hasSize(1);
			return jars.get(0);
		}
	}

}
