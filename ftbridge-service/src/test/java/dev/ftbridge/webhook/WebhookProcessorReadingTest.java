package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.ftbridge.completion.Observation;
import dev.ftbridge.completion.ReceivedObservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The webhook inbox consumer reads stored bodies as strictly as the receiver: a body with
 * a duplicate key (stored before the receiver refused them) is not an event.
 */
class WebhookProcessorReadingTest {

	private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	private final WebhookProcessor processor = new WebhookProcessor(1024 * 1024, null, null,
			new WebhookMetrics(new SimpleMeterRegistry()), Duration.ofHours(24), 1000, Duration.ofSeconds(30));

	@Test
	void storedSyncEndIsReadAsAnObservation() {
		ReceivedObservation received = this.processor.remember(0, "default",
				bytes("{\"event\":\"sync_end\",\"connector_id\":\"c1\",\"sync_id\":\"s1\","
						+ "\"created\":\"2026-11-28T09:59:00.000Z\",\"data\":{\"status\":\"SUCCESSFUL\"}}"),
				NOW);
		assertThat(received).isNotNull();
		assertThat(received.observation()).isInstanceOf(Observation.SyncEnded.class);
	}

	@Test
	void storedBodyWithDuplicateEventKeyIsNotAnEvent() {
		assertThatThrownBy(() -> this.processor.remember(0, "default",
				bytes("{\"event\":\"sync_start\",\"event\":\"sync_end\",\"connector_id\":\"c1\",\"sync_id\":\"s1\","
						+ "\"created\":\"2026-11-28T09:59:00.000Z\",\"data\":{\"status\":\"SUCCESSFUL\"}}"),
				NOW))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void storedBodyWithDuplicateKeyInDataIsNotAnEvent() {
		assertThatThrownBy(() -> this.processor.remember(0, "default",
				bytes("{\"event\":\"sync_end\",\"connector_id\":\"c1\",\"sync_id\":\"s1\","
						+ "\"created\":\"2026-11-28T09:59:00.000Z\","
						+ "\"data\":{\"status\":\"FAILURE\",\"status\":\"SUCCESSFUL\"}}"),
				NOW))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
