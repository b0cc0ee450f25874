package dev.ftbridge.webhook;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ftbridge.completion.Observation;
import dev.ftbridge.completion.Observation.SyncStatus;
import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.contract.TransformationStatusObserved;
import dev.ftbridge.support.EventSchemas;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each webhook becomes: a status event that keeps the schema, and an observation.
 */
class WebhookStatusesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonMapper EVENTS = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private static final Instant RECEIVED = Instant.parse("2026-11-28T10:00:05Z");

	@Test
	void aSuccessfulSyncEndIsAStatusAndAnEnd() {
		WebhookEvent event = event("sync_end", "{\"status\":\"SUCCESSFUL\"}");
		ConnectionStatusObserved status = valid(WebhookStatuses.connection(event, "default", RECEIVED));
		assertThat(status.source()).isEqualTo("webhook");
		assertThat(status.observedAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00.250Z"));
		assertThat(status.succeededAt()).isEqualTo("2026-11-28T10:00:00.250Z");
		assertThat(status.syncStatus()).isEqualTo("SUCCESSFUL");
		assertThat(status.syncState()).isEqualTo("scheduled");
		assertThat(WebhookStatuses.observation(event, RECEIVED)).isInstanceOfSatisfying(Observation.SyncEnded.class,
				(end) -> {
					assertThat(end.status()).isEqualTo(SyncStatus.SUCCESSFUL);
					assertThat(end.syncId()).isEqualTo("s-1");
				});
	}

	@Test
	void failuresAndReschedulesCarryFivetransReasonTaskAndTime() {
		ConnectionStatusObserved failed = valid(WebhookStatuses.connection(event("sync_end",
				"{\"status\":\"FAILURE_WITH_TASK\",\"reason\":\"Invalid credentials\",\"taskType\":\"reconnect\"}"),
				"default", RECEIVED));
		assertThat(failed.failedAt()).isEqualTo("2026-11-28T10:00:00.250Z");
		assertThat(failed.reason()).isEqualTo("Invalid credentials");
		assertThat(failed.taskType()).isEqualTo("reconnect");
		WebhookEvent rescheduled = event("sync_end",
				"{\"status\":\"RESCHEDULED\",\"reason\":\"quota\",\"rescheduledAt\":\"2026-11-28T11:00:00.000Z\"}");
		ConnectionStatusObserved status = valid(WebhookStatuses.connection(rescheduled, "default", RECEIVED));
		assertThat(status.syncState()).isEqualTo("rescheduled");
		assertThat(status.rescheduledFor()).isEqualTo("2026-11-28T11:00:00Z");
		assertThat(((Observation.SyncEnded) WebhookStatuses.observation(rescheduled, RECEIVED)).rescheduledFor())
			.isEqualTo(Instant.parse("2026-11-28T11:00:00Z"));
		ConnectionStatusObserved odd = valid(
				WebhookStatuses.connection(event("sync_end", "{\"status\":\"SOMETHING_NEW\"}"), "default", RECEIVED));
		assertThat(odd.syncStatus()).isNull();
	}

	@Test
	void lifecycleEventsAreStatusesButEndNothing() {
		WebhookEvent pause = event("pause_connector", "{}");
		assertThat(valid(WebhookStatuses.connection(pause, "default", RECEIVED)).paused()).isTrue();
		assertThat(WebhookStatuses.observation(pause, RECEIVED)).isNull();
		assertThat(WebhookStatuses.observation(event("sync_start", "{}"), RECEIVED))
			.isInstanceOf(Observation.SyncStarted.class);
	}

	@Test
	void theTestEventIsNoStatus() {
		WebhookEvent test = WebhookEvent.of(JSON.readTree("{\"event\":\"test_event\",\"created\":"
				+ "\"2026-11-28T10:00:00.000Z\",\"connector_id\":\"_connector_1\",\"group_id\":\"_destination_1\"}"));
		assertThat(WebhookStatuses.connection(test, "default", RECEIVED)).isNull();
		assertThat(WebhookStatuses.observation(test, RECEIVED)).isNull();
	}

	@Test
	void transformationRunsAreTransformationStatuses() {
		WebhookEvent run = WebhookEvent.of(JSON.readTree("{\"event\":\"transformation_run_failed\",\"created\":"
				+ "\"2026-11-28T10:00:00Z\",\"transformation_id\":\"tr_1\",\"data\":{\"reason\":\"model x failed\"}}"));
		TransformationStatusObserved status = WebhookStatuses.transformation(run, "default", RECEIVED);
		EventSchemas.assertValid(cloudEvent(TransformationStatusObserved.TYPE, status));
		assertThat(status.status()).isEqualTo("FAILED");
		assertThat(WebhookStatuses.connection(run, "default", RECEIVED)).isNull();
		assertThat(WebhookStatuses.observation(run, RECEIVED)).isInstanceOfSatisfying(Observation.RunEnded.class,
				(end) -> assertThat(end.succeeded()).isFalse());
	}

	private static WebhookEvent event(String type, String data) {
		return WebhookEvent.of(JSON.readTree("{\"event\":\"" + type + "\",\"created\":\"2026-11-28T10:00:00.250Z\","
				+ "\"connector_type\":\"postgres\",\"connector_id\":\"conn_a\",\"connector_name\":\"pg\","
				+ "\"sync_id\":\"s-1\",\"destination_group_id\":\"g1\",\"data\":" + data + "}"));
	}

	private static ConnectionStatusObserved valid(ConnectionStatusObserved status) {
		EventSchemas.assertValid(cloudEvent(ConnectionStatusObserved.TYPE, status));
		return status;
	}

	private static ObjectNode cloudEvent(String type, Object data) {
		ObjectNode event = EVENTS.createObjectNode().put("type", type);
		event.set("data", EVENTS.valueToTree(data));
		return event;
	}

}
