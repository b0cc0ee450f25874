package dev.ftbridge.local;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.ftbridge.FtbridgeApplication;
import dev.ftbridge.cli.Console;
import dev.ftbridge.cli.Console.Colour;
import dev.ftbridge.sandbox.FivetranSandbox;
import dev.ftbridge.sandbox.Latency;
import dev.ftbridge.sandbox.SandboxSettings;

/**
 * Runs the bridge locally with no Kafka cluster and no Fivetran account: an embedded
 * single-node Kafka (KRaft), the Fivetran sandbox (time runs 60 times faster, so a
 * five-minute sync takes five seconds), the bridge, a demo scenario and a live console.
 * Stop it with Ctrl-C.
 */
public final class LocalBridge {

	/** Local-only credentials between the bridge and the sandbox; not Fivetran's. */
	private static final String KEY = "local-sandbox-key";

	private static final String SECRET = "local-sandbox-secret";

	private static final String WEBHOOK_SECRET = "local-webhook-secret";

	private static final double TIME_SCALE = 60;

	private LocalBridge() {
	}

	public static void main(String[] args) throws Exception {
		long start = System.nanoTime();
		quietLogs();
		Console console = Console.system();
		console.banner("Fivetran Kafka Bridge — local run (embedded Kafka + Fivetran sandbox)");
		EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 12)
			.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0", "auto.create.topics.enable", "false"));
		broker.afterPropertiesSet();
		String bootstrap = broker.getBrokersAsString();
		FivetranSandbox sandbox = FivetranSandbox.start(SandboxSettings.defaults()
			.withCredentials(KEY, SECRET)
			.withTimeScale(TIME_SCALE)
			.withLatency(Latency.defaults()));
		String groupId = sandbox.state().addGroup("demo_warehouse").id();
		String transformationId = sandbox.state()
			.addTransformation(JsonMapper.builder().build().createObjectNode().put("project_id", "demo"));
		ConfigurableApplicationContext bridge = new SpringApplicationBuilder(FtbridgeApplication.class)
			.run(arguments(bridgeProperties(bootstrap, sandbox), args));
		int port = Integer.parseInt(bridge.getEnvironment().getProperty("local.server.port", "8080"));
		registerWebhook(sandbox, port);
		int managementPort = Integer.parseInt(bridge.getEnvironment().getProperty("local.management.port", "8081"));
		EventWatcher watcher = new EventWatcher(bootstrap, console,
				List.of("fivetran.command-results", "fivetran.status", "fivetran.commands-dlt", "fivetran.webhooks"));
		SandboxCalls calls = new SandboxCalls(sandbox, console);
		DemoScenario demo = new DemoScenario(bootstrap, watcher, console, groupId, transformationId);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			long stopping = System.nanoTime();
			console.banner("Stopping…");
			demo.close();
			calls.close();
			watcher.close();
			bridge.close();
			sandbox.close();
			broker.destroy();
			console.banner("Stopped in " + Duration.ofNanos(System.nanoTime() - stopping).toMillis() + " ms");
		}, "local-bridge-shutdown"));
		ready(console, bootstrap, sandbox, port, managementPort, start);
		List<String> sent = demo.run();
		Map<String, String> first = new LinkedHashMap<>();
		watcher.results()
			.stream()
			.filter((result) -> sent.contains(result.path("command_id").asString()))
			.forEach((result) -> first.putIfAbsent(result.path("command_id").asString(),
					result.path("outcome").asString()));
		Map<String, Long> outcomes = new java.util.TreeMap<>();
		first.values().forEach((outcome) -> outcomes.merge(outcome, 1L, Long::sum));
		console.banner("Demo scenario done: " + sent.size() + " commands; first outcomes " + outcomes + ".");
		console.banner("Syncs and the transformation run finish over the next seconds (their terminal results "
				+ "follow from Fivetran's webhooks). Send your own commands; Ctrl-C stops everything.");
		Thread.currentThread().join();
	}

	/**
	 * Wiring as command-line arguments: they win over application.yml and the
	 * environment.
	 */
	private static String[] arguments(Map<String, Object> properties, String[] args) {
		List<String> arguments = new ArrayList<>();
		properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		arguments.addAll(List.of(args));
		return arguments.toArray(String[]::new);
	}

	private static Map<String, Object> bridgeProperties(String bootstrap, FivetranSandbox sandbox) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", bootstrap);
		properties.put("ftbridge.fivetran.base-url", sandbox.baseUrl().toString());
		properties.put("ftbridge.fivetran.api-key", KEY);
		properties.put("ftbridge.fivetran.api-secret", SECRET);
		properties.put("ftbridge.fivetran.limits.time-scale", TIME_SCALE);
		properties.put("ftbridge.webhook.secrets", WEBHOOK_SECRET);
		properties.put("ftbridge.command.commit-interval", "500ms");
		properties.put("server.port", System.getProperty("server.port", "8080"));
		properties.put("management.server.port", System.getProperty("management.server.port", "8081"));
		properties.put("logging.level.root", "ERROR");
		properties.put("spring.main.banner-mode", "off");
		return properties;
	}

	/**
	 * The embedded broker logs at INFO before Spring Boot configures logging: keep it
	 * quiet.
	 */
	private static void quietLogs() {
		ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory
			.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.setLevel(ch.qos.logback.classic.Level.ERROR);
	}

	/**
	 * Subscribes the bridge to the sandbox's webhooks, as an operator would with
	 * Fivetran.
	 */
	private static void registerWebhook(FivetranSandbox sandbox, int port) throws Exception {
		String body = "{\"url\":\"http://127.0.0.1:" + port + "/webhooks/fivetran\",\"events\":[\"sync_start\","
				+ "\"sync_end\",\"transformation_run_start\",\"transformation_run_succeeded\","
				+ "\"transformation_run_failed\"],\"active\":true,\"secret\":\"" + WEBHOOK_SECRET + "\"}";
		String auth = Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/webhooks/account"))
				.header("Authorization", "Basic " + auth)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException("Could not register the webhook: " + response.body());
		}
	}

	private static void ready(Console console, String bootstrap, FivetranSandbox sandbox, int port, int managementPort,
			long start) {
		Runtime runtime = Runtime.getRuntime();
		long usedMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
		long startMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
		console.banner("Ready in " + startMs + " ms (JVM up " + ManagementFactory.getRuntimeMXBean().getUptime()
				+ " ms, heap used " + usedMb + " MiB).");
		console.line(Colour.BOLD, "KAFKA", bootstrap);
		console.line(Colour.BOLD, "SANDBOX",
				sandbox.baseUrl() + " (Fivetran stand-in, time x" + (int) TIME_SCALE + ")");
		console.line(Colour.BOLD, "WEBHOOKS", "http://127.0.0.1:" + port + "/webhooks/fivetran");
		console.line(Colour.BOLD, "METRICS", "http://127.0.0.1:" + managementPort + "/actuator/prometheus");
		console.line(Colour.BOLD, "TRY",
				"echo '{\"specversion\":\"1.0\",\"id\":\"'$(uuidgen)'\",\"source\":\"urn:me\","
						+ "\"type\":\"fivetran.group.status\",\"data\":{\"group_id\":\"<group>\"}}' | kcat -P -b "
						+ bootstrap + " -t fivetran.commands");
		console.line(Colour.BOLD, "WATCH", "kcat -C -b " + bootstrap + " -t fivetran.command-results -f '%k %s\\n'");
	}

}
