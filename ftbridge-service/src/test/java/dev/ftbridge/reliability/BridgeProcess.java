package dev.ftbridge.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.ftbridge.FtbridgeApplication;

/**
 * The bridge as it runs in production: {@link FtbridgeApplication} in a JVM of its own,
 * its output in a log file, stopped with SIGTERM or killed with SIGKILL.
 */
final class BridgeProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final Path log;

	private final int port;

	private final int managementPort;

	private BridgeProcess(Process process, Path log, int port, int managementPort) {
		this.process = process;
		this.log = log;
		this.port = port;
		this.managementPort = managementPort;
	}

	/** Starts a bridge with these {@code --name=value} settings on a fixed HTTP port. */
	static BridgeProcess start(Path log, int port, List<String> settings) throws IOException {
		List<String> args = new ArrayList<>(settings);
		args.add("--server.port=" + port);
		int managementPort = ProcessSupport.freePort();
		args.add("--management.server.port=" + managementPort);
		args.add("--spring.main.banner-mode=off");
		args.add("--logging.level.root=WARN");
		args.add("--logging.level.dev.ftbridge=INFO");
		Files.createDirectories(log.getParent());
		Process process = ProcessSupport
			.java(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), FtbridgeApplication.class.getName(),
					args.toArray(String[]::new))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		return new BridgeProcess(process, log, port, managementPort);
	}

	/** Waits until the readiness probe says UP (Kafka and Fivetran reachable). */
	BridgeProcess awaitReady(Duration timeout) {
		ProcessSupport.await(timeout, "the bridge's readiness (log " + this.log + ")", () -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the bridge exited with " + this.process.exitValue() + ":\n" + tail());
			}
			return readiness() == 200;
		});
		return this;
	}

	/** The readiness probe's HTTP status, or -1 when the bridge does not answer. */
	int readiness() {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build();
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** SIGKILL: no shutdown hook, nothing flushed, nothing committed. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(10, TimeUnit.SECONDS);
	}

	/**
	 * Sends SIGTERM and returns how long the bridge took to exit, or null if it did not.
	 */
	Duration terminate(Duration limit) throws InterruptedException {
		long start = System.nanoTime();
		this.process.destroy();
		if (!this.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
			return null;
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Writes a thread dump of the bridge (with the JDK's jstack) next to its log, for
	 * failure messages; returns where.
	 */
	Path threadDump() {
		Path dump = this.log.resolveSibling(this.log.getFileName() + ".threads.txt");
		String jstack = System.getProperty("java.home") + "/bin/jstack";
		try {
			Process process = new ProcessBuilder(jstack, Long.toString(this.process.pid())).redirectErrorStream(true)
				.redirectOutput(dump.toFile())
				.start();
			process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return dump;
	}

	/** The last lines of the bridge's output, for failure messages. */
	String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

}
