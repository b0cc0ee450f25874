package dev.ftbridge.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The image's AOT training run ({@code ops/aot/train-aot-cache.sh}, as the Dockerfile
 * runs it) from a test or a benchmark: the script's throwaway broker runs on this test
 * run's classpath, which holds the broker's jars (spring-kafka-test's), on loopback ports
 * found free.
 */
public final class AotTraining {

	private AotTraining() {
	}

	/**
	 * A JDK 25 launcher, which the AOT cache needs: {@code -Dftbridge.java25} or the
	 * environment's {@code FTBRIDGE_JAVA25}, else the Temurin 25 these machines have.
	 * @return the launcher, or empty when there is none
	 */
	public static Optional<Path> java25() {
		String configured = System.getProperty("ftbridge.java25", System.getenv("FTBRIDGE_JAVA25"));
		Path java = Path.of((configured != null && !configured.isBlank()) ? configured
				: "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
		return Files.isExecutable(java) ? Optional.of(java) : Optional.empty();
	}

	/**
	 * Runs the training script and returns the cache it wrote.
	 * @param java the launcher that will run the cache
	 * @param appJar the bridge in Boot's extracted layout ({@code app.jar} beside
	 * {@code lib/})
	 * @param cache the cache to write
	 * @param options the bridge's JVM options, as it will run
	 * @param log where the script's output goes
	 * @return the cache
	 */
	public static Path train(Path java, Path appJar, Path cache, List<String> options, Path log)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of("bash", ProjectFiles.path("ops/aot/train-aot-cache.sh").toString(), java.toString(),
						appJar.toString(), cache.toString(), System.getProperty("java.class.path")));
		command.addAll(options);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("TRAINING_PORT_BASE", String.valueOf(fourFreePorts()));
		Process training = builder.start();
		if (!training.waitFor(5, TimeUnit.MINUTES)) {
			training.destroyForcibly().waitFor();
			throw new IllegalStateException("the AOT training run took over 5 minutes: " + Files.readString(log));
		}
		if (training.exitValue() != 0 || !Files.isRegularFile(cache)) {
			throw new IllegalStateException(
					"the AOT training run failed (" + training.exitValue() + "): " + Files.readString(log));
		}
		return cache;
	}

	/** The first of four consecutive loopback ports that are free now. */
	private static int fourFreePorts() throws IOException {
		for (int attempt = 0; attempt < 50; attempt++) {
			int first;
			try (ServerSocket socket = new ServerSocket(0)) {
				first = socket.getLocalPort();
			}
			if (first + 3 <= 65535 && free(first) && free(first + 1) && free(first + 2) && free(first + 3)) {
				return first;
			}
		}
		throw new IllegalStateException("no four consecutive free ports");
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
