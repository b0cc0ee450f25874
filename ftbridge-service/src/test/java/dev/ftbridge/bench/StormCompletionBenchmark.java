package dev.ftbridge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.ftbridge.FtbridgeApplication;
import dev.ftbridge.reliability.KafkaProcess;
import dev.ftbridge.sandbox.FivetranSandbox;
import dev.ftbridge.sandbox.Latency;
import dev.ftbridge.sandbox.SandboxEvent;
import dev.ftbridge.sandbox.SandboxSettings;
import dev.ftbridge.support.Commands;

/**
 * How long an async command's terminal result waits behind a webhook storm. A standalone
 * broker (its own JVM), the Fivetran sandbox (its syncs last an hour and it delivers no
 * webhooks: this benchmark sends them) and the bridge in this JVM. Each run publishes N
 * {@code fivetran.connection.sync} commands and waits for their {@code ACCEPTED}; then a
 * paced JDK {@code HttpClient} posts distinct signed {@code sync_end} webhooks of other
 * connections to the bridge's receiver at RATE per second for SECONDS, and in the middle
 * 60 % of that time the {@code sync_end} of each pending sync (with the sandbox's
 * {@code sync_id}) is posted too. Measured per command: from the 202 of its
 * {@code sync_end} to its terminal result read from {@code fivetran.command-results}.
 * Prints min / median / p99 / max per run (and the same from the request being sent: on a
 * busy machine the 202 can reach this client after the result), the storm's achieved
 * rate, and min / median / max of the runs' p99. A short unmeasured storm warms the JIT
 * first. Run on demand (the name is not a test name):
 * {@code ./mvnw test -Dtest=StormCompletionBenchmark -DskipITs -Dbench.args="100 30 2000 3 both"}
 * (commands per run, storm seconds, storm webhooks per second, runs, mode {@code quiet},
 * {@code hog} or {@code both}; defaults 100 30 2000 3 quiet). With {@code hog} a
 * {@link CpuHog} keeps one core busy during each measured run; {@code both} alternates a
 * quiet and a hog run (quiet, hog, quiet, hog, …) and prints the runs' p99s per mode.
 */
public final class StormCompletionBenchmark {

	private static final String SECRET = "bench-webhook-secret";

	private static final String RESULTS_TOPIC = "fivetran.command-results";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void measure() throws Exception {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.ERROR);
		String[] args = System.getProperty("bench.args", "").trim().split("\\s+");
		int commands = argument(args, 0, 100);
		int seconds = argument(args, 1, 30);
		int rate = argument(args, 2, 2000);
		int runs = argument(args, 3, 3);
		String mode = (args.length > 4) ? args[4] : "quiet";
		List<String> modes = mode.equals("both") ? List.of("quiet", "hog") : List.of(mode);
		Map<String, String> syncIds = new ConcurrentHashMap<>();
		try (KafkaProcess broker = KafkaProcess.start(Files.createTempDirectory("storm-bench").resolve("kafka"));
				FivetranSandbox sandbox = sandbox(syncIds)) {
			ConfigurableApplicationContext bridge = new SpringApplicationBuilder(FtbridgeApplication.class).run(
					"--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
					"--ftbridge.webhook.secrets=" + SECRET, "--ftbridge.fivetran.api-key=bench-key",
					"--ftbridge.fivetran.api-secret=bench-secret", "--ftbridge.fivetran.base-url=" + sandbox.baseUrl(),
					"--ftbridge.topics.partitions=12", "--server.port=0", "--management.server.port=0",
					"--logging.level.root=ERROR");
			URI receiver = URI.create("http://127.0.0.1:" + bridge.getEnvironment().getProperty("local.server.port")
					+ "/webhooks/fivetran");
			String group = sandbox.state().addGroup("bench").id();
			try (Results results = new Results(broker.bootstrapServers());
					Commands publisher = new Commands(broker.bootstrapServers(), "fivetran.commands");
					Storm storm = new Storm(receiver, 64)) {
				Scenario scenario = new Scenario(sandbox, group, syncIds, publisher, results, storm, receiver);
				scenario.run("warm", Math.min(commands, 10), 5, rate);
				Map<String, List<Long>> p99s = new LinkedHashMap<>();
				Map<String, List<Long>> all = new LinkedHashMap<>();
				System.out.printf(
						"%nterminal result after its sync_end's 202, %d pending syncs per run, storm %d s at %d "
								+ "webhooks/s, loopback, standalone broker, %d cores%n",
						commands, seconds, rate, Runtime.getRuntime().availableProcessors());
				for (int run = 1; run <= runs; run++) {
					for (String each : modes) {
						long[] latencies;
						try (CpuHog hog = CpuHog.startIf(each, Duration.ofMinutes(10))) {
							latencies = scenario.run(each + run, commands, seconds, rate);
						}
						p99s.computeIfAbsent(each, (key) -> new ArrayList<>()).add(percentile(latencies, 0.99));
						Arrays.stream(latencies).forEach(all.computeIfAbsent(each, (key) -> new ArrayList<>())::add);
					}
				}
				for (String each : modes) {
					long[] pooled = all.get(each).stream().mapToLong(Long::longValue).toArray();
					System.out.printf("%-5s: all %d commands: %s%n", each, pooled.length, summary(pooled));
					long[] sorted = p99s.get(each).stream().mapToLong(Long::longValue).sorted().toArray();
					System.out.printf("%-5s: p99 over %d runs: min %.1f ms, median %.1f ms, max %.1f ms%n", each, runs,
							millis(sorted[0]), millis(sorted[sorted.length / 2]), millis(sorted[sorted.length - 1]));
				}
			}
			finally {
				bridge.close();
			}
		}
	}

	private static FivetranSandbox sandbox(Map<String, String> syncIds) {
		return new FivetranSandbox(SandboxSettings.defaults()
			.withCredentials("bench-key", "bench-secret")
			.withLatency(Latency.disabled())
			.withLifecycle(new SandboxSettings.Lifecycle(Duration.ofHours(1), Duration.ofHours(1))))
			.addListener((event) -> {
				if (SandboxEvent.SYNC_START.equals(event.type())) {
					syncIds.put(event.connectionId(), event.syncId());
				}
			})
			.start();
	}

	private static int argument(String[] args, int index, int fallback) {
		return (args.length > index && !args[index].isEmpty()) ? Integer.parseInt(args[index]) : fallback;
	}

	static String summary(long[] nanos) {
		return String.format("min %.1f ms, median %.1f ms, p99 %.1f ms, max %.1f ms", millis(percentile(nanos, 0)),
				millis(percentile(nanos, 0.5)), millis(percentile(nanos, 0.99)), millis(percentile(nanos, 1)));
	}

	static long percentile(long[] values, double p) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int index = Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1);
		return sorted[Math.max(index, 0)];
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

	static String signature(Mac mac, byte[] body) {
		return HexFormat.of().withUpperCase().formatHex(mac.doFinal(body));
	}

	static Mac mac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String syncEnd(String connection, String syncId) {
		return "{\"event\":\"sync_end\",\"created\":\"" + Instant.now().truncatedTo(ChronoUnit.MILLIS)
				+ "\",\"connector_type\":\"postgres\",\"connector_id\":\"" + connection
				+ "\",\"connector_name\":\"pg\",\"sync_id\":\"" + syncId
				+ "\",\"destination_group_id\":\"g\",\"data\":{\"status\":\"SUCCESSFUL\"}}";
	}

	/** One measured storm with its pending commands. */
	private record Scenario(FivetranSandbox sandbox, String group, Map<String, String> syncIds, Commands publisher,
			Results results, Storm storm, URI receiver) {

		long[] run(String name, int count, int seconds, int rate) throws Exception {
			List<String> connections = new ArrayList<>();
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String connection = this.sandbox.state().addConnection(this.group, "postgres", "s_" + name + "_" + i);
				String id = Commands.newId();
				this.publisher.sendAsync(connection, id, "fivetran.connection.sync",
						"{\"connection_id\":\"" + connection + "\"}");
				connections.add(connection);
				ids.add(id);
			}
			this.publisher.flush();
			for (int i = 0; i < count; i++) {
				this.results.await(ids.get(i), "ACCEPTED", Duration.ofMinutes(2));
				if (this.syncIds.get(connections.get(i)) == null) {
					throw new IllegalStateException("no sync started for " + connections.get(i));
				}
			}
			long[] sent = new long[count];
			long[] accepted = new long[count];
			long stormNanos = TimeUnit.SECONDS.toNanos(seconds);
			Thread ends = new Thread(() -> postEnds(connections, sent, accepted, stormNanos), "bench-sync-ends");
			long start = System.nanoTime();
			ends.start();
			Storm.Round round = this.storm.post(name, rate, seconds, start);
			ends.join();
			long[] latencies = new long[count];
			long[] fromSent = new long[count];
			for (int i = 0; i < count; i++) {
				Results.Terminal terminal = this.results.await(ids.get(i), null, Duration.ofMinutes(2));
				if (!"SUCCEEDED".equals(terminal.outcome())) {
					throw new IllegalStateException(ids.get(i) + " ended " + terminal.outcome());
				}
				if (accepted[i] == 0) {
					throw new IllegalStateException("the sync_end of " + connections.get(i) + " was not accepted");
				}
				latencies[i] = terminal.seenNanos() - accepted[i];
				fromSent[i] = terminal.seenNanos() - sent[i];
			}
			if (!name.equals("warm")) {
				System.out.printf(
						"run %s: %d terminal results: %s; storm %,d posted, %,d answered 2xx, %d other, "
								+ "%,.0f webhooks/s achieved (%.1f s)%n",
						name, count, summary(latencies), round.posted(), round.accepted(), round.other(),
						round.posted() / (round.nanos() / 1e9), round.nanos() / 1e9);
				System.out.printf("run %s: the same from the sync_end's request being sent: %s%n", name,
						summary(fromSent));
			}
			return latencies;
		}

		/**
		 * Posts each pending sync's end, spread evenly over the middle 60 % of the storm.
		 */
		private void postEnds(List<String> connections, long[] sent, long[] accepted, long stormNanos) {
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			Mac mac = mac();
			long start = System.nanoTime();
			for (int i = 0; i < connections.size(); i++) {
				long due = start + (long) (stormNanos * (0.2 + 0.6 * i / connections.size()));
				LockSupport.parkNanos(due - System.nanoTime());
				byte[] body = syncEnd(connections.get(i), this.syncIds.get(connections.get(i)))
					.getBytes(StandardCharsets.UTF_8);
				HttpRequest request = HttpRequest.newBuilder(this.receiver)
					.header("Content-Type", "application/json")
					.header("X-Fivetran-Signature-256", signature(mac, body))
					.POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build();
				sent[i] = System.nanoTime();
				try {
					int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
					if (status == 202) {
						accepted[i] = System.nanoTime();
					}
				}
				catch (IOException ex) {
					// left 0: reported as not accepted
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

	}

	/**
	 * Distinct signed {@code sync_end} webhooks of 5,000 other connections, posted at a
	 * fixed rate: slot i is due at {@code start + i / rate}; whichever of the sender
	 * threads is free takes the next slot, so a slow answer delays no later slot unless
	 * every sender is busy (the achieved rate then says so).
	 */
	private static final class Storm implements AutoCloseable {

		private final URI receiver;

		private final int senders;

		private final ExecutorService threads;

		private final HttpClient http;

		Storm(URI receiver, int senders) {
			this.receiver = receiver;
			this.senders = senders;
			this.threads = Executors.newFixedThreadPool(senders);
			this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		}

		Round post(String name, int rate, int seconds, long start) throws InterruptedException {
			int total = rate * seconds;
			List<byte[][]> bodies = bodies(name, total);
			AtomicInteger next = new AtomicInteger();
			AtomicInteger accepted = new AtomicInteger();
			AtomicInteger other = new AtomicInteger();
			List<java.util.concurrent.Future<?>> running = new ArrayList<>();
			for (int t = 0; t < this.senders; t++) {
				running.add(this.threads.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < total) {
						LockSupport.parkNanos(start + (long) (i * 1e9 / rate) - System.nanoTime());
						HttpRequest request = HttpRequest.newBuilder(this.receiver)
							.header("Content-Type", "application/json")
							.header("X-Fivetran-Signature-256", new String(bodies.get(i)[1], StandardCharsets.US_ASCII))
							.POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)[0]))
							.build();
						try {
							int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
							((status / 100 == 2) ? accepted : other).incrementAndGet();
						}
						catch (IOException ex) {
							other.incrementAndGet();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
							return;
						}
					}
				}));
			}
			for (java.util.concurrent.Future<?> sender : running) {
				try {
					sender.get(seconds + 300L, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new IllegalStateException("a storm sender failed or hung", ex);
				}
			}
			return new Round(total, accepted.get(), other.get(), System.nanoTime() - start);
		}

		private static List<byte[][]> bodies(String name, int count) {
			Mac mac = mac();
			List<byte[][]> bodies = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				byte[] body = syncEnd("storm_" + name + "_" + (i % 5000), name + "-" + i)
					.getBytes(StandardCharsets.UTF_8);
				bodies.add(new byte[][] { body, signature(mac, body).getBytes(StandardCharsets.US_ASCII) });
			}
			return bodies;
		}

		@Override
		public void close() {
			this.threads.shutdownNow();
		}

		record Round(int posted, int accepted, int other, long nanos) {
		}

	}

	/**
	 * Reads the result topic from its end on a thread of its own and notes, per command,
	 * when its {@code ACCEPTED} and its terminal result were read.
	 */
	private static final class Results implements AutoCloseable {

		private final KafkaConsumer<byte[], byte[]> consumer;

		private final Map<String, Terminal> accepted = new ConcurrentHashMap<>();

		private final Map<String, Terminal> terminal = new ConcurrentHashMap<>();

		private final Thread thread;

		Results(String bootstrap) {
			this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
					ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
					ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
			List<TopicPartition> partitions = this.consumer.partitionsFor(RESULTS_TOPIC, Duration.ofSeconds(30))
				.stream()
				.map((p) -> new TopicPartition(RESULTS_TOPIC, p.partition()))
				.toList();
			this.consumer.assign(partitions);
			this.consumer.seekToEnd(partitions);
			partitions.forEach(this.consumer::position);
			this.thread = new Thread(this::read, "bench-results");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		private void read() {
			try {
				while (true) {
					for (ConsumerRecord<byte[], byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
						long seen = System.nanoTime();
						JsonNode data = JSON.readTree(record.value()).path("data");
						String outcome = data.path("outcome").asString();
						Terminal noted = new Terminal(outcome, seen);
						("ACCEPTED".equals(outcome) ? this.accepted : this.terminal)
							.putIfAbsent(data.path("command_id").asString(), noted);
					}
				}
			}
			catch (WakeupException ex) {
				// closing
			}
			finally {
				this.consumer.close();
			}
		}

		/** The command's ACCEPTED (outcome "ACCEPTED") or its terminal result (null). */
		Terminal await(String command, String outcome, Duration timeout) throws InterruptedException {
			Map<String, Terminal> results = "ACCEPTED".equals(outcome) ? this.accepted : this.terminal;
			long deadline = System.nanoTime() + timeout.toNanos();
			Terminal found;
			while ((found = results.get(command)) == null) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"no " + ((outcome != null) ? outcome : "terminal") + " result for " + command);
				}
				Thread.sleep(5);
			}
			return found;
		}

		@Override
		public void close() throws InterruptedException {
			this.consumer.wakeup();
			this.thread.join(5_000);
		}

		record Terminal(String outcome, long seenNanos) {
		}

	}

}
