package dev.ftbridge.fivetran;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.ftbridge.support.MockFivetran;
import dev.ftbridge.support.MockFivetran.Request;
import dev.ftbridge.support.MockFivetran.Response;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The one retry policy, counted in requests a real HTTP server on loopback receives: a
 * round is {@code maxAttempts} attempts; a command ({@link OnOutage#WAIT}) gets at most
 * three rounds while Fivetran looks available and waits while it is not; a list retries
 * the failing page, not the whole list.
 */
class RetryPolicyTest {

	private static final int MAX_ATTEMPTS = 3;

	private static MockFivetran fivetran;

	private FivetranAvailability availability;

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
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
		this.availability = new FivetranAvailability(breakers.circuitBreaker("fivetran"));
		this.client = client(breakers);
	}

	private FivetranClient client(CircuitBreakerRegistry breakers) {
		FivetranProperties properties = new FivetranProperties(fivetran.baseUrl(), "key", "secret",
				Duration.ofMillis(500), Duration.ofMillis(500), 100, MAX_ATTEMPTS, Duration.ofMillis(10),
				"ftbridge-test", Duration.ofSeconds(15), Duration.ofMinutes(1));
		return new FivetranConfiguration().fivetranClient(RestClient.builder(), JsonMapper.builder().build(),
				properties, new SimpleMeterRegistry(),
				new Throttle(ThrottleTest.limits(null, null), System::currentTimeMillis), breakers, this.availability,
				Clock.systemUTC());
	}

	@Test
	void oneRoundGivesUpAfterMaxAttempts() {
		fivetran.when((request) -> true, (request) -> Response.error(503, "Unavailable", "Down"));
		FivetranException.Unavailable ex = catchThrowableOfType(FivetranException.Unavailable.class, () -> this.client
			.execute(FivetranRequests.connectionDetails("c1"), Throttle.Priority.BACKGROUND, OnOutage.GIVE_UP));
		assertThat(fivetran.requests()).hasSize(MAX_ATTEMPTS);
		assertThat(ex.attempts()).isEqualTo(MAX_ATTEMPTS);
	}

	@Test
	void commandRidingAnOutageWhileFivetranLooksAvailableGetsThreeRounds() {
		fivetran.when((request) -> true, (request) -> Response.error(503, "Unavailable", "Down"));
		FivetranException.Unavailable ex = catchThrowableOfType(FivetranException.Unavailable.class, () -> this.client
			.execute(FivetranRequests.connectionDetails("c1"), Throttle.Priority.COMMAND, OnOutage.WAIT));
		int expected = RetryPolicy.ROUNDS_WHILE_AVAILABLE * MAX_ATTEMPTS;
		assertThat(fivetran.requests()).hasSize(expected);
		assertThat(ex.attempts()).isEqualTo(expected);
	}

	@Test
	void roundsFailingWhileTheCircuitIsHalfOpenDoNotCountTowardsGivingUp() {
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry
			.of(CircuitBreakerConfig.custom().permittedNumberOfCallsInHalfOpenState(100).build());
		CircuitBreaker breaker = breakers.circuitBreaker("fivetran");
		this.availability = new FivetranAvailability(breaker);
		this.client = client(breakers);
		breaker.transitionToOpenState();
		breaker.transitionToHalfOpenState();
		int failing = (RetryPolicy.ROUNDS_WHILE_AVAILABLE + 1) * MAX_ATTEMPTS;
		AtomicInteger seen = new AtomicInteger();
		fivetran.when((request) -> seen.incrementAndGet() <= failing,
				(request) -> Response.error(503, "Unavailable", "Down"));
		FivetranResponse response = this.client.execute(FivetranRequests.connectionDetails("c1"),
				Throttle.Priority.COMMAND, OnOutage.WAIT);
		assertThat(response).isNotNull();
		// more attempts than a command gets while the circuit is closed, and then the
		// answer
		assertThat(fivetran.requests()).hasSize(failing + 1);
	}

	@Test
	void commandNeverSendsAnAmbiguousNonIdempotentRequestAgain() {
		fivetran.when((request) -> true, (request) -> Response.error(503, "Unavailable", "Down"));
		FivetranException.Unavailable ex = catchThrowableOfType(FivetranException.Unavailable.class,
				() -> this.client.execute(
						FivetranRequests.runTransformation("t1", JsonNodeFactory.instance.objectNode()),
						Throttle.Priority.COMMAND, OnOutage.WAIT));
		assertThat(ex.ambiguous()).isTrue();
		assertThat(fivetran.requests()).hasSize(1);
	}

	@Test
	void commandWaitsWhileCredentialsAreRefusedAndSendsAgainWhenAvailable() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		fivetran.when((request) -> true, (request) -> (calls.incrementAndGet() == 1)
				? Response.error(401, "Unauthorized", "bad key") : Response.json(200, MockFivetran.details("c1")));
		AtomicLong authorizedAt = new AtomicLong();
		CompletableFuture<Void> operator = CompletableFuture.runAsync(() -> {
			while (this.availability.available()) {
				Thread.onSpinWait();
			}
			sleep(300);
			authorizedAt.set(System.nanoTime());
			this.availability.authorized();
		});
		FivetranResponse response = this.client.execute(FivetranRequests.connectionDetails("c1"),
				Throttle.Priority.COMMAND, OnOutage.WAIT);
		long answeredAt = System.nanoTime();
		operator.get(5, TimeUnit.SECONDS);
		assertThat(response.dataText("id")).isEqualTo("c1");
		assertThat(response.attempts()).isEqualTo(2);
		assertThat(fivetran.requests()).hasSize(2);
		assertThat(answeredAt).isGreaterThan(authorizedAt.get());
	}

	@Test
	void backgroundCallGivesUpWhenCredentialsAreRefused() {
		fivetran.when((request) -> true, (request) -> Response.error(401, "Unauthorized", "bad key"));
		catchThrowableOfType(FivetranException.Unauthorized.class, () -> this.client
			.execute(FivetranRequests.connectionDetails("c1"), Throttle.Priority.BACKGROUND, OnOutage.GIVE_UP));
		assertThat(fivetran.requests()).hasSize(1);
		assertThat(this.availability.available()).isFalse();
	}

	@Test
	void listRetriesTheFailingPageNotTheWholeList() {
		AtomicInteger secondPage = new AtomicInteger();
		fivetran.when((request) -> request.path().equals("/v1/groups/g1/connections"), (request) -> {
			if (request.query() == null || !request.query().contains("cursor=")) {
				return Response.json(200,
						"{\"code\":\"Success\",\"data\":{\"items\":[{\"id\":\"a\"}]," + "\"next_cursor\":\"p2\"}}");
			}
			// a whole round of failures on the second page, then an answer
			return (secondPage.incrementAndGet() <= MAX_ATTEMPTS) ? Response.error(503, "Unavailable", "Down")
					: Response.json(200, "{\"code\":\"Success\",\"data\":{\"items\":[{\"id\":\"b\"}]}}");
		});
		FivetranClient.Items items = this.client.listAll(FivetranRequests.groupConnections("g1", 1), OnOutage.WAIT);
		assertThat(items.connections()).extracting(ConnectionDetails::id).containsExactly("a", "b");
		List<Request> requests = fivetran.requests();
		assertThat(requests).filteredOn((request) -> !request.query().contains("cursor=")).hasSize(1);
		assertThat(requests).hasSize(1 + MAX_ATTEMPTS + 1);
		assertThat(items.requests()).isEqualTo(1 + MAX_ATTEMPTS + 1);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
