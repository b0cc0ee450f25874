package dev.ftbridge.fivetran;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ftbridge.support.MockFivetran;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.ftbridge.support.MockFivetran.Request;
import dev.ftbridge.support.MockFivetran.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link FivetranClient} against a real HTTP server on loopback.
 */
class FivetranClientTest {

	private static final String KEY = "test-key";

	private static final String SECRET = "test-secret";

	private static MockFivetran fivetran;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private FivetranClient client;

	@BeforeAll
	static void startFivetran() throws IOException {
		fivetran = MockFivetran.start();
	}

	@AfterAll
	static void stopFivetran() {
		fivetran.close();
	}

	@BeforeEach
	void setUp() {
		fivetran.reset();
		this.client = client(properties(fivetran.baseUrl(), 3));
	}

	@ParameterizedTest(name = "[{0}]")
	@ValueSource(strings = { "", ".", ".." })
	void executeRefusesEmptyAndDotPathSegmentsWithoutCallingFivetran(String segment) {
		assertThatExceptionOfType(FivetranException.Rejected.class)
			.isThrownBy(() -> this.client.execute(FivetranRequests.updateSchema("c1", segment, object())))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("invalid_path_segment");
				assertThat(ex.httpStatus()).isZero();
				assertThat(ex.retryable()).isFalse();
				assertThat(ex.ambiguous()).isFalse();
			});
		assertThat(fivetran.requests()).isEmpty();
	}

	@Test
	void executeEncodesDotsInsideASegment() {
		this.client.execute(FivetranRequests.updateSchema("c1", "my.schema..x", object()));
		assertThat(only().path()).isEqualTo("/v1/connections/c1/schemas/my.schema..x");
	}

	@Test
	void executeSendsBasicAuthorizationFromKeyAndSecret() {
		this.client.execute(FivetranRequests.connectionDetails("c1"));
		String expected = "Basic "
				+ Base64.getEncoder().encodeToString("test-key:test-secret".getBytes(StandardCharsets.UTF_8));
		assertThat(only().header("Authorization")).isEqualTo(expected);
		assertThat(only().header("User-Agent")).isEqualTo("ftbridge-test");
	}

	@Test
	void executeAcceptsVersion2OnConnectionEndpoints() {
		this.client.execute(FivetranRequests.connectionDetails("c1"));
		this.client.execute(FivetranRequests.setPaused("c1", true));
		this.client.execute(FivetranRequests.syncConnection("c1", false));
		assertThat(fivetran.requests()).hasSize(3)
			.allSatisfy((request) -> assertThat(request.header("Accept")).isEqualTo("application/json;version=2"));
	}

	@Test
	void executeAcceptsPlainJsonWhereFivetranDefinesNoVersion2() {
		this.client.execute(FivetranRequests.resyncTables("c1", scope()));
		this.client.execute(FivetranRequests.runTransformation("t1", object().put("full_refresh", true)));
		this.client.execute(FivetranRequests.groupConnections("g1", 100));
		assertThat(fivetran.requests()).hasSize(3)
			.allSatisfy((request) -> assertThat(request.header("Accept")).isEqualTo("application/json"));
	}

	@Test
	void executeSendsJsonBodyOnPatch() {
		this.client.execute(FivetranRequests.setPaused("c1", true));
		Request request = only();
		assertThat(request.method()).isEqualTo("PATCH");
		assertThat(request.path()).isEqualTo("/v1/connections/c1");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.body()).isEqualTo("{\"paused\":true,\"run_setup_tests\":false}");
	}

	@Test
	void executeSendsJsonBodyOnPost() {
		this.client.execute(FivetranRequests.resyncTables("c1", scope()));
		this.client.execute(FivetranRequests.syncConnection("c1", true));
		List<Request> requests = fivetran.requests();
		assertThat(requests).extracting(Request::method).containsExactly("POST", "POST");
		assertThat(requests).extracting(Request::path)
			.containsExactly("/v1/connections/c1/schemas/tables/resync", "/v1/connections/c1/sync");
		assertThat(requests).extracting((request) -> request.header("Content-Type")).containsOnly("application/json");
		assertThat(requests).extracting(Request::body).containsExactly("{\"public\":[\"orders\"]}", "{\"force\":true}");
	}

	@Test
	void executeSendsNoBodyOnGetOrDelete() {
		this.client.execute(FivetranRequests.connectionDetails("c1"));
		this.client.execute(FivetranRequests.deleteConnection("c1"));
		assertThat(fivetran.requests()).extracting(Request::method).containsExactly("GET", "DELETE");
		assertThat(fivetran.requests()).allSatisfy((request) -> {
			assertThat(request.body()).isEmpty();
			assertThat(request.header("Content-Type")).isNull();
		});
	}

	@Test
	void executeUnwrapsEnvelope() {
		fivetran.when((request) -> true, (request) -> Response.json(201,
				"{\"code\":\"Success\",\"message\":\"Connection has been created\",\"data\":{\"id\":\"conn_9\",\"paused\":true}}"));
		FivetranResponse response = this.client
			.execute(FivetranRequests.createConnection(object().put("group_id", "g1").put("service", "postgres")));
		assertThat(response.httpStatus()).isEqualTo(201);
		assertThat(response.code()).isEqualTo("Success");
		assertThat(response.message()).isEqualTo("Connection has been created");
		assertThat(response.dataText("id")).isEqualTo("conn_9");
		assertThat(response.data().path("paused").asBoolean()).isTrue();
		assertThat(response.attempts()).isEqualTo(1);
	}

	@Test
	void executeWithoutDataGivesMissingData() {
		FivetranResponse response = this.client.execute(FivetranRequests.deleteConnection("c1"));
		assertThat(response.code()).isEqualTo("Success");
		assertThat(response.message()).isEqualTo("Operation completed");
		assertThat(response.data().isMissingNode()).isTrue();
		assertThat(response.dataText("id")).isNull();
	}

	@Test
	void listAllFollowsNextCursorAcrossPages() {
		fivetran.when((request) -> request.path().equals("/v1/groups/g1/connections"), (request) -> {
			String cursor = query(request).get("cursor");
			if (cursor == null) {
				return page("\"a\",\"b\"", "cursor-2");
			}
			if (cursor.equals("cursor-2")) {
				return page("\"c\",\"d\"", "cursor-3");
			}
			return page("\"e\"", null);
		});
		FivetranClient.Items items = this.client.listAll(FivetranRequests.groupConnections("g1", 2));
		assertThat(items.items()).extracting((item) -> item.path("id").asString())
			.containsExactly("a", "b", "c", "d", "e");
		assertThat(items.requests()).isEqualTo(3);
		List<Request> requests = fivetran.requests();
		assertThat(requests).hasSize(3);
		assertThat(requests).extracting((request) -> query(request).get("limit")).containsOnly("2");
		assertThat(requests).extracting((request) -> query(request).get("cursor"))
			.containsExactly(null, "cursor-2", "cursor-3");
	}

	@Test
	void listAllCountsRetriedRequests() {
		AtomicInteger calls = new AtomicInteger();
		fivetran.when((request) -> request.path().equals("/v1/groups/g1/connections"), (request) -> {
			if (query(request).get("cursor") == null) {
				return page("\"a\"", "next");
			}
			return (calls.incrementAndGet() == 1) ? Response.error(503, "Unavailable", "try again") : page("\"b\"", "");
		});
		FivetranClient.Items items = this.client.listAll(FivetranRequests.groupConnections("g1", 1));
		assertThat(items.items()).extracting((item) -> item.path("id").asString()).containsExactly("a", "b");
		assertThat(items.requests()).isEqualTo(3);
		assertThat(fivetran.requests()).hasSize(3);
	}

	@Test
	void listAllSendsNextCursorSoThatServerReadsItUnchanged() {
		List<String> cursors = List.of("eyJza2lw+IjoxfQ/a==", "{\"skip\":2}");
		fivetran.when((request) -> request.path().equals("/v1/groups/g1/connections"), (request) -> {
			String cursor = query(request).get("cursor");
			if (cursor == null) {
				return page("\"a\"", cursors.get(0));
			}
			// the first cursor, read back intact, leads to the second
			boolean first = URLDecoder.decode(cursor, StandardCharsets.UTF_8).equals(cursors.get(0));
			return first ? page("\"b\"", cursors.get(1).replace("\"", "\\\"")) : page("\"c\"", null);
		});
		FivetranClient.Items items = this.client.listAll(FivetranRequests.groupConnections("g1", 1));
		assertThat(fivetran.requests()).extracting((request) -> query(request).get("cursor"))
			.map((cursor) -> (cursor != null) ? URLDecoder.decode(cursor, StandardCharsets.UTF_8) : null)
			.containsExactly(null, cursors.get(0), cursors.get(1));
		assertThat(items.items()).extracting((item) -> item.path("id").asString()).containsExactly("a", "b", "c");
	}

	@Test
	void executeWhen400ThrowsRejectedWithFivetranCodeAndSendsOnce() {
		fivetran.when((request) -> true,
				(request) -> Response.error(400, "InvalidInput", "Invalid sync_frequency value"));
		FivetranException.Rejected ex = catchThrowableOfType(FivetranException.Rejected.class,
				() -> this.client.execute(FivetranRequests.setPaused("c1", true)));
		assertThat(ex.httpStatus()).isEqualTo(400);
		assertThat(ex.code()).isEqualTo("InvalidInput");
		assertThat(ex.getMessage()).contains("400").contains("Invalid sync_frequency value");
		assertThat(ex.retryable()).isFalse();
		assertThat(ex.ambiguous()).isFalse();
		assertThat(ex.attempts()).isEqualTo(1);
		assertThat(fivetran.requests()).hasSize(1);
	}

	@Test
	void executeWhen404ThrowsRejectedWithoutRetry() {
		fivetran.when((request) -> true, (request) -> Response.error(404, "NotFound_Connection", "No connection"));
		FivetranException.Rejected ex = catchThrowableOfType(FivetranException.Rejected.class,
				() -> this.client.execute(FivetranRequests.connectionDetails("missing")));
		assertThat(ex.httpStatus()).isEqualTo(404);
		assertThat(ex.code()).isEqualTo("NotFound_Connection");
		assertThat(fivetran.requests()).hasSize(1);
	}

	@Test
	void executeWhen401ThrowsUnauthorizedWithoutRetry() {
		fivetran.when((request) -> true, (request) -> Response.error(401, "AuthFailed", "Wrong API key"));
		FivetranException.Unauthorized ex = catchThrowableOfType(FivetranException.Unauthorized.class,
				() -> this.client.execute(FivetranRequests.connectionDetails("c1")));
		assertThat(ex.httpStatus()).isEqualTo(401);
		assertThat(ex.code()).isEqualTo("AuthFailed");
		assertThat(ex.retryable()).isFalse();
		assertThat(ex.attempts()).isEqualTo(1);
		assertThat(fivetran.requests()).hasSize(1);
	}

	@Test
	void executeWhen429HonoursRetryAfterSeconds() {
		AtomicInteger calls = new AtomicInteger();
		fivetran.when((request) -> true,
				(request) -> (calls.incrementAndGet() == 1)
						? Response.error(429, "TooManyRequests", "Slow down").withHeader("Retry-After", "1")
						: Response.json(200, MockFivetran.details("c1")));
		FivetranResponse response = this.client.execute(FivetranRequests.connectionDetails("c1"));
		assertThat(response.httpStatus()).isEqualTo(200);
		assertThat(response.attempts()).isEqualTo(2);
		List<Request> requests = fivetran.requests();
		assertThat(requests).hasSize(2);
		assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void executeWhen429AsksForAnAbsurdWaitWaitsOnlyTheConfiguredMaximum() {
		AtomicInteger calls = new AtomicInteger();
		fivetran.when((request) -> true,
				(request) -> (calls.incrementAndGet() == 1)
						? Response.error(429, "TooManyRequests", "Slow down")
							.withHeader("Retry-After", "99999999999999999")
						: Response.json(200, MockFivetran.details("c1")));
		FivetranProperties capped = new FivetranProperties(fivetran.baseUrl(), KEY, SECRET, Duration.ofMillis(500),
				Duration.ofMillis(500), 100, 3, Duration.ofMillis(10), "ftbridge-test", Duration.ofSeconds(15),
				Duration.ofMillis(400));
		FivetranResponse response = client(capped).execute(FivetranRequests.connectionDetails("c1"));
		assertThat(response.httpStatus()).isEqualTo(200);
		List<Request> requests = fivetran.requests();
		assertThat(requests).hasSize(2);
		assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).as("waited the maximum, no more")
			.isBetween(Duration.ofMillis(350), Duration.ofSeconds(3));
	}

	@Test
	void executeRecordsEachAttemptByStatusAndCountsRateLimits() {
		AtomicInteger calls = new AtomicInteger();
		fivetran.when((request) -> true, (request) -> (calls.incrementAndGet() == 1)
				? Response.error(429, "TooManyRequests", "Slow down").withHeader("Retry-After", "0") : Response.ok());
		this.client.execute(FivetranRequests.runSetupTests("c1", object()));
		assertThat(this.meters.get("ftbridge.fivetran.calls").tag("status", "429").timer().count()).isOne();
		assertThat(this.meters.get("ftbridge.fivetran.calls").tag("status", "200").timer().count()).isOne();
		assertThat(this.meters.get("ftbridge.fivetran.calls").tags("class", "setup_test").timers())
			.extracting(Timer::count)
			.containsExactlyInAnyOrder(1L, 1L);
		assertThat(this.meters.get("ftbridge.fivetran.rate.limited").counter().count()).isEqualTo(1.0);
	}

	@Test
	void executeRecordsCallWithoutAnswerAsIoError() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		FivetranClient unreachable = client(properties(URI.create("http://127.0.0.1:" + port), 2));
		catchThrowableOfType(FivetranException.Unavailable.class,
				() -> unreachable.execute(FivetranRequests.connectionDetails("c1")));
		assertThat(this.meters.get("ftbridge.fivetran.calls").tag("status", "io_error").timer().count()).isEqualTo(2);
	}

	@Test
	void executeWhen429AndNoAttemptsLeftExposesRetryAfter() {
		FivetranClient once = client(properties(fivetran.baseUrl(), 1));
		fivetran.when((request) -> true,
				(request) -> Response.error(429, "TooManyRequests", "Slow down").withHeader("Retry-After", "42"));
		FivetranException.RateLimited ex = catchThrowableOfType(FivetranException.RateLimited.class,
				() -> once.execute(FivetranRequests.connectionDetails("c1")));
		assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(42));
		assertThat(ex.httpStatus()).isEqualTo(429);
		assertThat(ex.retryable()).isTrue();
		assertThat(ex.ambiguous()).isFalse();
		assertThat(fivetran.requests()).hasSize(1);
	}

	@Test
	void executeWhen429WithoutRetryAfterRetriesWithBackoff() {
		fivetran.when((request) -> true, (request) -> Response.error(429, "TooManyRequests", "Slow down"));
		FivetranException.RateLimited ex = catchThrowableOfType(FivetranException.RateLimited.class,
				() -> this.client.execute(FivetranRequests.connectionDetails("c1")));
		assertThat(ex.retryAfter()).isNull();
		assertThat(ex.attempts()).isEqualTo(3);
		assertThat(fivetran.requests()).hasSize(3);
	}

	@Test
	void executeWhen503RetriesIdempotentRequestUntilSuccess() {
		AtomicInteger calls = new AtomicInteger();
		fivetran.when((request) -> true,
				(request) -> (calls.incrementAndGet() <= 2) ? Response.error(503, "Unavailable", "Down for a moment")
						: Response.json(200, MockFivetran.details("c1")));
		FivetranResponse response = this.client.execute(FivetranRequests.connectionDetails("c1"));
		assertThat(response.attempts()).isEqualTo(3);
		assertThat(response.dataText("id")).isEqualTo("c1");
		assertThat(fivetran.requests()).hasSize(3);
	}

	@Test
	void executeWhen503KeepsFailingGivesUpAfterMaxAttempts() {
		fivetran.when((request) -> true, (request) -> Response.error(503, "Unavailable", "Down"));
		FivetranException.Unavailable ex = catchThrowableOfType(FivetranException.Unavailable.class,
				() -> this.client.execute(FivetranRequests.connectionDetails("c1")));
		assertThat(ex.httpStatus()).isEqualTo(503);
		assertThat(ex.attempts()).isEqualTo(3);
		assertThat(fivetran.requests()).hasSize(3);
	}

	@Test
	void executeWhen503DoesNotRetryNonIdempotentRequest() {
		fivetran.when((request) -> true, (request) -> Response.error(503, "Unavailable", "Down"));
		FivetranException.Unavailable ex = catchThrowableOfType(FivetranException.Unavailable.class, () -> this.client
			.execute(FivetranRequests.createConnection(object().put("group_id", "g1").put("service", "pg"))));
		assertThat(ex.ambiguous()).isTrue();
		assertThat(ex.retryable()).isTrue();
		assertThat(ex.httpStatus()).isEqualTo(503);
		assertThat(ex.attempts()).isEqualTo(1);
		assertThat(fivetran.requests()).hasSize(1);
	}

	@Test
	void executeWhenReadTimesOutOnNonIdempotentRequestIsAmbiguousAndNotRetried() {
		fivetran.when((request) -> true, (request) -> Response.ok().after(Duration.ofSeconds(2)));
		FivetranException.Unavailable ex = catchThrowableOfType(FivetranException.Unavailable.class,
				() -> this.client.execute(FivetranRequests.runTransformation("t1", object())));
		assertThat(ex.ambiguous()).isTrue();
		assertThat(ex.httpStatus()).isZero();
		assertThat(ex.getMessage()).startsWith("no answer from Fivetran");
		assertThat(ex.attempts()).isEqualTo(1);
		assertThat(fivetran.requests()).hasSize(1);
	}

	@Test
	void executeWhenReadTimesOutOnIdempotentRequestRetries() {
		AtomicInteger calls = new AtomicInteger();
		fivetran.when((request) -> true, (request) -> (calls.incrementAndGet() == 1)
				? Response.ok().after(Duration.ofSeconds(2)) : Response.json(200, MockFivetran.details("c1")));
		FivetranResponse response = this.client.execute(FivetranRequests.connectionDetails("c1"));
		assertThat(response.attempts()).isEqualTo(2);
		assertThat(response.dataText("id")).isEqualTo("c1");
	}

	@Test
	void executeWhenConnectionRefusedRetriesEvenNonIdempotentRequest() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		FivetranClient unreachable = client(properties(URI.create("http://127.0.0.1:" + port), 3));
		FivetranException.Unavailable ex = catchThrowableOfType(FivetranException.Unavailable.class, () -> unreachable
			.execute(FivetranRequests.createConnection(object().put("group_id", "g1").put("service", "pg"))));
		assertThat(ex.ambiguous()).isFalse();
		assertThat(ex.retryable()).isTrue();
		assertThat(ex.httpStatus()).isZero();
		assertThat(ex.getMessage()).startsWith("could not connect to Fivetran");
		assertThat(ex.attempts()).isEqualTo(3);
	}

	@Test
	void executeWhen502BodyIsHtmlCarriesTextInMessage() {
		fivetran.when((request) -> true,
				(request) -> Response.json(502, "<html><body><h1>502 Bad Gateway</h1></body></html>"));
		FivetranException.Unavailable ex = catchThrowableOfType(FivetranException.Unavailable.class,
				() -> this.client.execute(FivetranRequests.runTransformation("t1", object())));
		assertThat(ex.httpStatus()).isEqualTo(502);
		assertThat(ex.code()).isNull();
		assertThat(ex.getMessage()).startsWith("HTTP 502").contains("502 Bad Gateway");
		assertThat(fivetran.requests()).hasSize(1);
	}

	@Test
	void requestPathPercentEncodesVariablesOnce() {
		FivetranRequest request = FivetranRequests.updateTable("c1", "sales/eu", "my table", object());
		assertThat(request.path()).isEqualTo("/v1/connections/c1/schemas/sales%2Feu/tables/my%20table");
	}

	@Test
	void executePercentEncodesPathVariables() {
		this.client.execute(FivetranRequests.updateSchema("c1", "my schema", object().put("enabled", true)));
		this.client
			.execute(FivetranRequests.updateTable("c1", "sales/eu", "orders?x#y", object().put("enabled", true)));
		assertThat(fivetran.requests()).extracting(Request::path)
			.containsExactly("/v1/connections/c1/schemas/my%20schema",
					"/v1/connections/c1/schemas/sales%2Feu/tables/orders%3Fx%23y");
		assertThat(fivetran.requests()).extracting(Request::query).containsOnlyNulls();
	}

	@Test
	void secretNeverAppearsInExceptionMessagesOrProperties() throws IOException {
		List<Throwable> failures = new ArrayList<>();
		fivetran.when((request) -> request.path().endsWith("/c400"),
				(request) -> Response.error(400, "InvalidInput", "bad"));
		fivetran.when((request) -> request.path().endsWith("/c401"),
				(request) -> Response.error(401, "AuthFailed", "no"));
		fivetran.when((request) -> request.path().endsWith("/c503"), (request) -> Response.error(503, "Down", "x"));
		fivetran.when((request) -> request.path().contains("/slow/"),
				(request) -> Response.ok().after(Duration.ofSeconds(2)));
		for (String id : List.of("c400", "c401", "c503")) {
			failures.add(catchThrowableOfType(FivetranException.class,
					() -> this.client.execute(FivetranRequests.connectionDetails(id))));
		}
		failures.add(catchThrowableOfType(FivetranException.class,
				() -> this.client.execute(FivetranRequests.runTransformation("slow", object()))));
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		FivetranProperties unreachable = properties(URI.create("http://127.0.0.1:" + port), 1);
		failures.add(catchThrowableOfType(FivetranException.class,
				() -> client(unreachable).execute(FivetranRequests.connectionDetails("c1"))));
		String basic = Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
		assertThat(failures).hasSize(5).doesNotContainNull();
		for (Throwable failure : failures) {
			for (Throwable t = failure; t != null; t = t.getCause()) {
				assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET).doesNotContain(basic);
				assertThat(t.toString()).doesNotContain(SECRET).doesNotContain(basic);
			}
		}
		String properties = properties(fivetran.baseUrl(), 3).toString();
		assertThat(properties).doesNotContain(SECRET).doesNotContain(KEY).contains(fivetran.baseUrl().toString());
	}

	private static FivetranProperties properties(URI baseUrl, int maxAttempts) {
		return new FivetranProperties(baseUrl, KEY, SECRET, Duration.ofMillis(500), Duration.ofMillis(500), 100,
				maxAttempts, Duration.ofMillis(10), "ftbridge-test", Duration.ofSeconds(15), Duration.ofMinutes(1));
	}

	private FivetranClient client(FivetranProperties properties) {
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
		return new FivetranConfiguration().fivetranClient(RestClient.builder(), JsonMapper.builder().build(),
				properties, this.meters, new Throttle(ThrottleTest.limits(null, null), System::currentTimeMillis),
				breakers, new FivetranAvailability(breakers.circuitBreaker("fivetran")), Clock.systemUTC());
	}

	private static Request only() {
		assertThat(fivetran.requests()).hasSize(1);
		return fivetran.requests().get(0);
	}

	private static ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

	private static ObjectNode scope() {
		ObjectNode scope = object();
		scope.putArray("public").add("orders");
		return scope;
	}

	private static Response page(String ids, String nextCursor) {
		StringBuilder items = new StringBuilder();
		for (String id : ids.split(",")) {
			items.append((items.length() > 0) ? "," : "").append("{\"id\":").append(id).append("}");
		}
		String cursor = (nextCursor != null) ? ",\"next_cursor\":\"" + nextCursor + "\"" : "";
		return Response.json(200, "{\"code\":\"Success\",\"data\":{\"items\":[" + items + "]" + cursor + "}}");
	}

	private static Map<String, String> query(Request request) {
		Map<String, String> query = new LinkedHashMap<>();
		if (request.query() != null) {
			for (String pair : request.query().split("&")) {
				String[] parts = pair.split("=", 2);
				query.put(parts[0], (parts.length > 1) ? parts[1] : "");
			}
		}
		return query;
	}

}
