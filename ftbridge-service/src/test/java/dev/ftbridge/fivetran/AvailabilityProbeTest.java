package dev.ftbridge.fivetran;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stopping lets calls that wait for Fivetran give up; starting again (a context resumed
 * after a pause) makes them wait again instead of failing at once.
 */
class AvailabilityProbeTest {

	@Test
	void callsWaitForFivetranAgainAfterAStopAndAStart() throws Exception {
		CircuitBreaker breaker = CircuitBreaker.ofDefaults("fivetran");
		breaker.transitionToForcedOpenState();
		FivetranAvailability availability = new FivetranAvailability(breaker);
		AvailabilityProbe probe = new AvailabilityProbe(null, availability, Duration.ofHours(1));

		probe.start();
		probe.stop();
		assertThatExceptionOfType(InterruptedException.class)
			.isThrownBy(() -> availability.awaitAvailable(Duration.ofMillis(10)));

		probe.start();
		CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
			try {
				availability.awaitAvailable(Duration.ofMillis(10));
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(200);
		assertThat(waiting).as("still waiting while Fivetran is unavailable").isNotDone();
		breaker.transitionToClosedState();
		waiting.get(5, TimeUnit.SECONDS);
		probe.stop();
	}

}
