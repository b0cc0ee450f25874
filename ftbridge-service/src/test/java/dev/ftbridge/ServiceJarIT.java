package dev.ftbridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's runnable jar, as {@code package} built it (the image runs the same jar):
 * the bridge and its libraries, and none of the test equipment or the command line.
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
