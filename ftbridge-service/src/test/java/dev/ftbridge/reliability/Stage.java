package dev.ftbridge.reliability;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.ftbridge.sandbox.FivetranSandbox;
import dev.ftbridge.sandbox.Latency;
import dev.ftbridge.sandbox.SandboxSettings;
import dev.ftbridge.support.TopicRecorder;

/**
 * What a process-level test runs on: a Kafka broker in its own JVM, the Fivetran sandbox
 * (in the test's JVM, sending its signed webhooks to the bridge's port) and the bridge
 * started and stopped as separate JVMs, one after another, all on loopback.
 */
final class Stage implements AutoCloseable {

	static final double TIME_SCALE = 60;

	private static final String WEBHOOK_SECRET = "reliability-webhook-secret";

	private final Path directory;

	private final KafkaProcess broker;

	private final FivetranSandbox sandbox;

	private final int bridgePort;

	private int bridges;

	private TopicRecorder results;

	private Stage(Path directory, KafkaProcess broker, FivetranSandbox sandbox, int bridgePort) {
		this.directory = directory;
		this.broker = broker;
		this.sandbox = sandbox;
		this.bridgePort = bridgePort;
	}

	static Stage start(Path directory) throws IOException, InterruptedException {
		KafkaProcess broker = KafkaProcess.start(directory.resolve("kafka"));
		int bridgePort = ProcessSupport.freePort();
		FivetranSandbox sandbox = FivetranSandbox.start(SandboxSettings.defaults()
			.withCredentials("reliability-key", "reliability-secret")
			.withTimeScale(TIME_SCALE)
			.withLatency(Latency.uniform(Latency.Range.ofMillis(10, 60)))
			.withRequestLogCapacity(100_000)
			.withWebhook(URI.create("http://127.0.0.1:" + bridgePort + "/webhooks/fivetran"), WEBHOOK_SECRET));
		return new Stage(directory, broker, sandbox, bridgePort);
	}

	KafkaProcess broker() {
		return this.broker;
	}

	FivetranSandbox sandbox() {
		return this.sandbox;
	}

	String bootstrapServers() {
		return this.broker.bootstrapServers();
	}

	/**
	 * Starts a bridge (always on the same port, where the sandbox sends webhooks); extra
	 * {@code --name=value} settings replace the defaults of the same name.
	 */
	BridgeProcess startBridge(String... extraSettings) throws IOException {
		return startBridge(this.bridgePort, extraSettings);
	}

	/**
	 * Starts another bridge beside a running one, on a port of its own (the sandbox's
	 * webhooks still go to the first).
	 */
	BridgeProcess startReplica(String... extraSettings) throws IOException {
		return startBridge(ProcessSupport.freePort(), extraSettings);
	}

	private BridgeProcess startBridge(int port, String... extraSettings) throws IOException {
		this.bridges++;
		List<String> settings = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers(),
				"--ftbridge.fivetran.base-url=" + this.sandbox.baseUrl(), "--ftbridge.fivetran.api-key=reliability-key",
				"--ftbridge.fivetran.api-secret=reliability-secret",
				"--ftbridge.fivetran.limits.time-scale=" + TIME_SCALE, "--ftbridge.webhook.secrets=" + WEBHOOK_SECRET,
				"--ftbridge.topics.partitions=6", "--ftbridge.command.max-concurrency=16",
				"--ftbridge.command.scarce-concurrency=16", "--ftbridge.command.commit-interval=200ms"));
		for (String extra : extraSettings) {
			String name = extra.substring(0, extra.indexOf('=') + 1);
			settings.removeIf((setting) -> setting.startsWith(name));
			settings.add(extra);
		}
		return BridgeProcess.start(this.directory.resolve("bridge-" + this.bridges + ".log"), port, settings);
	}

	/** Starts a bridge and waits for it to be ready. */
	BridgeProcess readyBridge(String... extraSettings) throws IOException {
		return startBridge(extraSettings).awaitReady(Duration.ofSeconds(90));
	}

	/**
	 * Everything in the result topic from its start, recorded from the first call on
	 * (which must come after a bridge has created the topics).
	 */
	synchronized TopicRecorder results() {
		if (this.results == null) {
			this.results = new TopicRecorder(bootstrapServers(), "fivetran.command-results");
		}
		return this.results;
	}

	/** How many lines of all bridge logs so far contain the text. */
	long logLines(String text) throws IOException {
		long count = 0;
		for (int i = 1; i <= this.bridges; i++) {
			try (var lines = Files.lines(this.directory.resolve("bridge-" + i + ".log"))) {
				count += lines.filter((line) -> line.contains(text)).count();
			}
		}
		return count;
	}

	/**
	 * What the bridges' logs say about recovering from a crash, for the printed figures.
	 */
	String recoveryFigures() throws IOException {
		return logLines("reconciling with Fivetran") + " commands reconciled with Fivetran, "
				+ logLines("already has its terminal result") + " restored operations found already ended";
	}

	@Override
	public void close() throws InterruptedException {
		if (this.results != null) {
			this.results.close();
		}
		this.sandbox.close();
		this.broker.close();
	}

}
