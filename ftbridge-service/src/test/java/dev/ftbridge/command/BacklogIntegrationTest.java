package dev.ftbridge.command;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.ftbridge.BridgeIntegrationTest;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.MockFivetran.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory stays flat whatever the backlog: with a slow Fivetran and a backlog far larger
 * than the in-flight bound, the consumer pauses its partitions instead of reading
 * everything into memory, and still finishes every command.
 */
class BacklogIntegrationTest extends BridgeIntegrationTest {

	@Autowired
	private CommandConsumer consumer;

	@Autowired
	private CommandProperties properties;

	@Test
	void aBacklogLargerThanTheBoundIsReadInStepsAndAllOfItCompletes() {
		String run = CommandFlowIntegrationTest.unique("backlog");
		fivetran.when((r) -> r.path().startsWith("/v1/connections/" + run),
				(r) -> Response.ok().after(Duration.ofMillis(20)));
		long pausesBefore = this.consumer.backpressurePauses();
		int commands = 600;
		AtomicInteger peak = new AtomicInteger();
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(this.consumer.inFlight(), Math::max), 0, 5,
				TimeUnit.MILLISECONDS);
		try {
			for (int i = 0; i < commands; i++) {
				String connection = run + "_" + (i % 200);
				commands().sendAsync(connection, Commands.newId(), "fivetran.connection.pause",
						"{\"connection_id\":\"" + connection + "\"}");
			}
			commands().flush();
			results().await((r) -> r.dataText("connection_id") != null && r.dataText("connection_id").startsWith(run),
					commands, WAIT);
		}
		finally {
			sampler.shutdownNow();
		}
		int bound = this.properties.maxInFlight() + CommandConfiguration.maxPollRecords(this.properties);
		System.out.printf("backlog: %d commands, max-in-flight %d, peak in flight %d, %d pauses%n", commands,
				this.properties.maxInFlight(), peak.get(), this.consumer.backpressurePauses() - pausesBefore);
		assertThat(peak.get()).as("records in memory at once").isLessThanOrEqualTo(bound);
		assertThat(this.consumer.backpressurePauses()).as("the consumer paused for back-pressure")
			.isGreaterThan(pausesBefore);
		assertThat(fivetran.requests().stream().filter((r) -> r.path().startsWith("/v1/connections/" + run)).count())
			.isEqualTo(commands);
	}

}
