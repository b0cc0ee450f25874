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
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.ftbridge.support.AotTraining;

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

	/**
	 * The image's way of starting, end to end but for Docker: the jar in Boot's extracted
	 * layout, an AOT cache written by the image's own training script (a start to
	 * readiness against a throwaway broker, then SIGTERM), and a start from that cache.
	 * The start must take nearly every class from the cache: a training that stopped at
	 * the context's refresh, as the image's did before, left about 1,500 classes of the
	 * jars (the Kafka clients', the web servers') to be loaded, verified and linked again
	 * at every start.
	 */
	@Test
	void theImagesAotTrainingCoversTheWholeStart() throws Exception {
		Optional<Path> java25 = AotTraining.java25();
		Assumptions.assumeTrue(java25.isPresent(),
				"needs a JDK 25 (the image's AOT cache): set FTBRIDGE_JAVA25 to its bin/java");
		Path directory = Files.createTempDirectory("service-jar-aot");
		Process extract = new ProcessBuilder(java25.get().toString(), "-Djarmode=tools", "-jar",
				serviceJar().toAbsolutePath().toString(), "extract", "--application-filename", "app.jar",
				"--destination", directory.resolve("app").toString())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("extract.log").toFile())
			.start();
		assertThat(extract.waitFor()).as("extracting the jar").isZero();
		Path app = directory.resolve("app/app.jar");
		Path cache = AotTraining.train(java25.get(), app, directory.resolve("app.aot"),
				List.of("-Dspring.aot.enabled=true"), directory.resolve("training.log"));

		EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.afterPropertiesSet();
		Path log = directory.resolve("bridge.log");
		Path classes = directory.resolve("classes.log");
		int management = freePort();
		Process bridge = new ProcessBuilder(java25.get().toString(), "-XX:AOTCache=" + cache,
				"-Dspring.aot.enabled=true", "-Xlog:class+load=info:file=" + classes, "-jar", app.toString(),
				"--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "--server.port=" + freePort(),
				"--management.server.port=" + management, "--ftbridge.fivetran.api-key=k",
				"--ftbridge.fivetran.api-secret=s", "--ftbridge.fivetran.base-url=http://127.0.0.1:" + freePort(),
				"--ftbridge.topics.partitions=1",
				"--management.endpoint.health.group.readiness.include=readinessState,kafka")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			assertThat(awaitReady(bridge, management)).as("readiness 200; log:%n%s", Files.readString(log)).isTrue();
			List<String> loaded = Files.readAllLines(classes);
			long fromCache = loaded.stream().filter((line) -> line.contains("source: shared objects file")).count();
			List<String> fromJars = loaded.stream()
				.filter((line) -> !line.contains("source: shared objects file") && line.contains(".jar"))
				.toList();
			System.out.printf("classes loaded until ready: %,d from the AOT cache, %,d from the jars%n", fromCache,
					fromJars.size());
			assertThat(fromCache).as("classes from the AOT cache").isGreaterThan(10_000);
			assertThat(fromJars).as("classes the training run did not cover").hasSizeLessThan(100);
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
