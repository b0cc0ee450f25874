package dev.ftbridge.reliability;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker in a JVM of its own ({@code kafka.Kafka} from the test
 * classpath), on fixed loopback ports and a data directory that outlives it, so that a
 * test can stop it and start it again as an operator would restart a broker.
 */
public final class KafkaProcess implements AutoCloseable {

	private final Path directory;

	private final int port;

	private final Path properties;

	private Process process;

	private int starts;

	private KafkaProcess(Path directory, int port, Path properties) {
		this.directory = directory;
		this.port = port;
		this.properties = properties;
	}

	/** Formats a new data directory and starts the broker on it. */
	public static KafkaProcess start(Path directory) throws IOException, InterruptedException {
		int port = ProcessSupport.freePort();
		int controllerPort = ProcessSupport.freePort();
		Files.createDirectories(directory);
		Path properties = directory.resolve("server.properties");
		Files.writeString(properties,
				String.join("\n", "process.roles=broker,controller", "node.id=1",
						"controller.quorum.voters=1@127.0.0.1:" + controllerPort,
						"listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
						"advertised.listeners=PLAINTEXT://127.0.0.1:" + port, "controller.listener.names=CONTROLLER",
						"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
						"inter.broker.listener.name=PLAINTEXT", "log.dirs=" + directory.resolve("data"),
						"offsets.topic.replication.factor=1", "offsets.topic.num.partitions=3",
						"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
						"group.initial.rebalance.delay.ms=0", "auto.create.topics.enable=false", ""),
				StandardCharsets.UTF_8);
		Process format = ProcessSupport
			.java(List.of("-Xmx256m"), "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
					properties.toString())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("format.log").toFile())
			.start();
		if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
			throw new IllegalStateException(
					"formatting the broker's storage failed: " + Files.readString(directory.resolve("format.log")));
		}
		KafkaProcess broker = new KafkaProcess(directory, port, properties);
		broker.startAgain();
		return broker;
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** Starts the broker on the same port and data, and waits until it answers. */
	void startAgain() throws IOException {
		this.starts++;
		File log = this.directory.resolve("broker-" + this.starts + ".log").toFile();
		this.process = ProcessSupport.java(List.of("-Xmx512m"), "kafka.Kafka", this.properties.toString())
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
		ProcessSupport.await(Duration.ofSeconds(60), "the broker at " + bootstrapServers(), this::answers);
	}

	/** Stops the broker as an operator would (SIGTERM, a controlled shutdown). */
	void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	private boolean answers() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("the broker exited with " + this.process.exitValue() + "; see "
					+ this.directory.resolve("broker-" + this.starts + ".log"));
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				2000))) {
			return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
		}
		catch (Exception ex) {
			return false;
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}
