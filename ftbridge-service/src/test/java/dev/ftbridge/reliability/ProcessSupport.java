package dev.ftbridge.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Starting JVMs from the test classpath, free loopback ports and waiting for conditions:
 * what the process-level tests share.
 */
final class ProcessSupport {

	private static Path quietLogging;

	private ProcessSupport() {
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** A JVM running {@code mainClass} on this test run's classpath. */
	static ProcessBuilder java(List<String> jvmArgs, String mainClass, String... args) {
		List<String> command = new ArrayList<>();
		command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
		command.addAll(jvmArgs);
		command.add("-Dlogback.configurationFile=" + quietLogging());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass);
		command.addAll(List.of(args));
		return new ProcessBuilder(command);
	}

	/** Waits until the condition holds, checking every 200 ms. */
	static void await(Duration timeout, String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("waited " + timeout.toSeconds() + " s for " + what);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/** Logback at WARN for JVMs that are not Spring Boot applications (the broker). */
	private static synchronized Path quietLogging() {
		if (quietLogging == null) {
			try {
				quietLogging = Files.createTempFile("ftbridge-quiet-logback", ".xml");
				quietLogging.toFile().deleteOnExit();
				Files.writeString(quietLogging, """
						<configuration>
						  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
						    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
						  </appender>
						  <root level="WARN"><appender-ref ref="out"/></root>
						</configuration>
						""");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return quietLogging;
	}

}
