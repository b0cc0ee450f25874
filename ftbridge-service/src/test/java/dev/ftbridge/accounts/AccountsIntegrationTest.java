package dev.ftbridge.accounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftbridge.sandbox.FivetranSandbox;
import dev.ftbridge.sandbox.Latency;
import dev.ftbridge.sandbox.Limits;
import dev.ftbridge.sandbox.SandboxSettings;
import dev.ftbridge.support.BridgeClients;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.EventSchemas;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Fivetran accounts, each its own sandbox with its own credentials and limits: the
 * account {@code default} (the single-account settings, paid limits) and {@code eu}
 * ({@code ftbridge.fivetran.accounts.eu.*}, a small request quota). Commands pick theirs
 * with the {@code fivetranaccount} attribute; time runs 120 times faster (an hour passes
 * in 30 s).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.apache.kafka=WARN", "ftbridge.topics.partitions=3",
				"ftbridge.fivetran.api-key=main-key", "ftbridge.fivetran.api-secret=main-secret",
				"ftbridge.fivetran.retry-backoff=50ms", "ftbridge.fivetran.probe-interval=300ms",
				"ftbridge.fivetran.limits.time-scale=120", "ftbridge.fivetran.accounts.eu.api-key=eu-key",
				"ftbridge.fivetran.accounts.eu.api-secret=eu-secret",
				"ftbridge.fivetran.accounts.eu.limits.preset=trial",
				"ftbridge.fivetran.accounts.eu.limits.requests-per-hour=" + AccountsIntegrationTest.EU_BUDGET,
				"ftbridge.fivetran.accounts.eu.limits.time-scale=120", "ftbridge.command.commit-interval=200ms",
				"resilience4j.circuitbreaker.instances.fivetran.minimum-number-of-calls=5",
				"resilience4j.circuitbreaker.instances.fivetran.sliding-window-size=5",
				// long enough that no half-open probe falls inside the outage: a call
				// that fails
				// while the circuit is half-open counts as "Fivetran looks available",
				// and three
				// such rounds fail a command
				"resilience4j.circuitbreaker.instances.fivetran.wait-duration-in-open-state=10s" })
@EmbeddedKafka(partitions = 3, brokerProperties = "group.initial.rebalance.delay.ms=0")
class AccountsIntegrationTest {

	/** The eu sandbox's request quota per (sandbox) hour. */
	static final int EU_QUOTA = 120;

	/** What the bridge budgets for eu: under the quota. */
	static final int EU_BUDGET = 110;

	private static final double TIME_SCALE = 120;

	private static final Duration WAIT = Duration.ofSeconds(120);

	static final FivetranSandbox main = FivetranSandbox.start(SandboxSettings.defaults()
		.withCredentials("main-key", "main-secret")
		.withTimeScale(TIME_SCALE)
		.withLatency(Latency.disabled())
		.withLimits(Limits.paid()));

	static final FivetranSandbox eu = FivetranSandbox.start(SandboxSettings.defaults()
		.withCredentials("eu-key", "eu-secret")
		.withTimeScale(TIME_SCALE)
		.withLatency(Latency.disabled())
		.withLimits(Limits.trial().withRequestsPerHour(EU_QUOTA)));

	@Autowired
	private EmbeddedKafkaBroker broker;

	@LocalManagementPort
	private int managementPort;

	private BridgeClients clients;

	@DynamicPropertySource
	static void sandboxProperties(DynamicPropertyRegistry registry) {
		registry.add("ftbridge.fivetran.base-url", () -> main.baseUrl().toString());
		registry.add("ftbridge.fivetran.accounts.eu.base-url", () -> eu.baseUrl().toString());
	}

	@BeforeEach
	void connect() {
		this.clients = BridgeClients.of(this.broker.getBrokersAsString());
		main.faults().clear();
		eu.faults().clear();
	}

	@Test
	void aBurstOverBothAccountsGetsNo429FromEither() {
		List<String> mainConnections = connections(main, "burst", 20);
		List<String> euConnections = connections(eu, "burst", 20);
		long mainBefore = main.requestLog().lastSequence();
		long euBefore = eu.requestLog().lastSequence();
		List<String> ids = new ArrayList<>();
		long start = System.nanoTime();
		// 2 x EU_QUOTA requests for eu at least: the eu budget must pace them over more
		// than one (sandbox) hour, while the default account's need no pacing
		for (int i = 0; i < 2 * EU_QUOTA; i++) {
			String type = (i % 2 == 0) ? "fivetran.connection.pause" : "fivetran.connection.resume";
			ids.add(send(mainConnections.get(i % mainConnections.size()), type, null));
			ids.add(send(euConnections.get(i % euConnections.size()), type, "eu"));
		}
		Map<String, Recorded> results = awaitResults(ids, Duration.ofMinutes(3));
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		Map<Integer, Integer> mainStatuses = statuses(main, mainBefore);
		Map<Integer, Integer> euStatuses = statuses(eu, euBefore);
		System.out.printf(
				"accounts burst: %d commands (half per account) in %d ms real (%.1f sandbox hours); "
						+ "default answered %s, eu (quota %d/h) answered %s%n",
				ids.size(), millis, millis * TIME_SCALE / 3_600_000.0, mainStatuses, EU_QUOTA, euStatuses);
		assertThat(mainStatuses).as("default account's answers").doesNotContainKey(429).doesNotContainKey(401);
		assertThat(euStatuses).as("eu account's answers").doesNotContainKey(429).doesNotContainKey(401);
		assertThat(euStatuses.values().stream().mapToInt(Integer::intValue).sum())
			.as("eu requests: more than one hour's quota, so its budget paced them")
			.isGreaterThan(EU_QUOTA);
		assertThat(results.values()).allSatisfy((r) -> assertThat(r.dataText("outcome")).isEqualTo("SUCCEEDED"));
		// the sandboxes may give out the same ids: count each one's changes instead
		assertThat(patches(main, mainBefore)).as("default's commands all reached the default sandbox")
			.isEqualTo(2 * EU_QUOTA);
		assertThat(patches(eu, euBefore)).as("eu's commands all reached the eu sandbox").isEqualTo(2 * EU_QUOTA);
	}

	@Test
	void anOutageOfOneAccountHoldsOnlyItsCommands() throws Exception {
		List<String> mainConnections = connections(main, "outage", 5);
		List<String> euConnections = connections(eu, "outage", 5);
		List<String> euLate = connections(eu, "late", 5);
		eu.faults().outage(Duration.ofDays(30));
		List<String> euIds = new ArrayList<>();
		for (String connection : euConnections) {
			euIds.add(send(connection, "fivetran.connection.pause", "eu"));
		}
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(readiness()).contains("\"fivetranAccounts\":{\"status\":\"OUT_OF_SERVICE\"")
				.contains("\"fivetran\":{\"status\":\"UP\""));
		// sent while eu is known down: they wait in their lanes, without a thread
		for (String connection : euLate) {
			euIds.add(send(connection, "fivetran.connection.pause", "eu"));
		}
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(metric("ftbridge_commands_waiting_account")).isGreaterThanOrEqualTo(1));
		List<String> mainIds = new ArrayList<>();
		for (String connection : mainConnections) {
			mainIds.add(send(connection, "fivetran.connection.pause", null));
		}
		Map<String, Recorded> mainResults = awaitResults(mainIds, WAIT);
		assertThat(mainResults.values()).as("the default account's commands complete during eu's outage")
			.allSatisfy((r) -> assertThat(r.dataText("outcome")).isEqualTo("SUCCEEDED"));
		assertThat(this.clients.results().matching((r) -> euIds.contains(r.dataText("command_id"))))
			.as("eu's commands wait: no result while its sandbox is down")
			.isEmpty();
		eu.faults().clear();
		Map<String, Recorded> euResults = awaitResults(euIds, WAIT);
		assertThat(euResults.values()).as("eu's commands complete after its recovery").allSatisfy((r) -> {
			assertThat(r.dataText("outcome")).isEqualTo("SUCCEEDED");
			assertThat(r.dataText("account")).isEqualTo("eu");
		});
		euConnections.addAll(euLate);
		assertThat(euConnections).allSatisfy((connection) -> assertThat(
				eu.state().connectionDetails(connection).orElseThrow().path("paused").asBoolean())
			.isTrue());
		assertThat(this.clients.deadLetters().matching((r) -> r.key().startsWith("eu/"))).isEmpty();
		await().atMost(WAIT).untilAsserted(() -> assertThat(readiness()).doesNotContain("OUT_OF_SERVICE"));
	}

	@Test
	void aCommandForAnUnknownAccountIsRejected() {
		String connection = connections(main, "unknown", 1).get(0);
		long before = main.requestLog().lastSequence();
		String id = send(connection, "fivetran.connection.pause", "nowhere");
		Recorded result = resultOf(id);
		assertThat(result.dataText("outcome")).isEqualTo("REJECTED");
		assertThat(result.dataText("reason")).contains("UNKNOWN_ACCOUNT").contains("'nowhere'");
		Recorded dead = this.clients.deadLetters()
			.await((r) -> ("nowhere/" + connection).equals(r.key()), 1, WAIT)
			.get(0);
		assertThat(dead.header("ftbridge_dlt_reason")).isEqualTo("UNKNOWN_ACCOUNT");
		assertThat(statuses(main, before)).as("nothing was sent to Fivetran").isEmpty();
		assertThat(main.state().connectionDetails(connection).orElseThrow().path("paused").asBoolean()).isFalse();
	}

	@Test
	void aCommandWithoutTheAttributeRunsOnTheDefaultAccountAndBinaryModeNamesOne() {
		String mainConnection = connections(main, "plain", 1).get(0);
		String euConnection = connections(eu, "binary", 1).get(0);
		String plain = send(mainConnection, "fivetran.connection.pause", null);
		String binary = Commands.newId();
		this.clients.commands()
			.sendRaw(euConnection, ("{\"connection_id\":\"" + euConnection + "\"}").getBytes(StandardCharsets.UTF_8),
					Map.of("ce_specversion", "1.0", "ce_id", binary, "ce_source", "urn:test", "ce_type",
							"fivetran.connection.pause", "content-type", "application/json", "ce_fivetranaccount",
							"eu"));
		Recorded plainResult = resultOf(plain);
		assertThat(plainResult.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(plainResult.dataText("account")).isEqualTo("default");
		assertThat(main.state().connectionDetails(mainConnection).orElseThrow().path("paused").asBoolean()).isTrue();
		Recorded binaryResult = resultOf(binary);
		assertThat(binaryResult.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(binaryResult.dataText("account")).isEqualTo("eu");
		assertThat(eu.state().connectionDetails(euConnection).orElseThrow().path("paused").asBoolean()).isTrue();
	}

	private static List<String> connections(FivetranSandbox sandbox, String prefix, int count) {
		String group = sandbox.state().addGroup(prefix + "_" + Commands.newId().substring(0, 8)).id();
		List<String> connections = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			connections.add(sandbox.state().addConnection(group, "postgres", prefix + i));
		}
		return connections;
	}

	/**
	 * Sends a structured-mode command, naming the account when {@code account} is set.
	 */
	private String send(String connection, String type, String account) {
		String id = Commands.newId();
		String event = Commands.event(id, type, "{\"connection_id\":\"" + connection + "\"}");
		if (account != null) {
			event = "{\"fivetranaccount\":\"" + account + "\"," + event.substring(1);
		}
		// keyed by account too: the two sandboxes may give out the same connection ids
		this.clients.commands()
			.sendRaw(((account != null) ? account : "default") + "/" + connection,
					event.getBytes(StandardCharsets.UTF_8), Map.of("content-type", "application/cloudevents+json"));
		return id;
	}

	private Recorded resultOf(String id) {
		Recorded result = this.clients.results().await((r) -> id.equals(r.dataText("command_id")), 1, WAIT).get(0);
		EventSchemas.assertValid(result.json());
		return result;
	}

	/** The first result of each command, each checked against the result schema. */
	private Map<String, Recorded> awaitResults(List<String> ids, Duration timeout) {
		Map<String, Recorded> found = new TreeMap<>();
		Set<String> wanted = new HashSet<>(ids);
		await().atMost(timeout).pollInterval(Duration.ofMillis(300)).until(() -> {
			for (Recorded result : this.clients.results().records()) {
				String id = result.dataText("command_id");
				if (wanted.contains(id)) {
					found.putIfAbsent(id, result);
				}
			}
			return found.size() == wanted.size();
		});
		found.values().forEach((result) -> EventSchemas.assertValid(result.json()));
		return found;
	}

	private static Map<Integer, Integer> statuses(FivetranSandbox sandbox, long after) {
		Map<Integer, Integer> statuses = new TreeMap<>();
		sandbox.requestLog()
			.matching((r) -> r.sequence() > after && r.path().startsWith("/v1/"))
			.forEach((r) -> statuses.merge(r.status(), 1, Integer::sum));
		return statuses;
	}

	private static long patches(FivetranSandbox sandbox, long after) {
		return sandbox.requestLog()
			.matching((r) -> r.sequence() > after && r.method().equals("PATCH") && r.status() == 200)
			.size();
	}

	private double metric(String name) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/prometheus"))
				.build(), HttpResponse.BodyHandlers.ofString());
		return response.body()
			.lines()
			.filter((line) -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private String readiness() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness"))
				.build(), HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

}
