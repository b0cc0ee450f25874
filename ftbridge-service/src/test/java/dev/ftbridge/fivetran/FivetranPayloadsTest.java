package dev.ftbridge.fivetran;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed records read Fivetran's field names (as its OpenAPI definition spells them)
 * and its timestamps tolerantly.
 */
class FivetranPayloadsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void connectionDetailsReadStatusTimesAndSetupTests() {
		ConnectionDetails details = ConnectionDetails.of(JSON.readTree("""
				{"id": "conn_1", "group_id": "g1", "service": "postgres", "schema": "pg", "paused": false,
				 "schedule_type": "manual", "sync_frequency": 360,
				 "succeeded_at": "2024-05-01T10:00:00.123Z", "failed_at": "2024-05-01T12:00:00+02:00",
				 "status": {"setup_state": "broken", "sync_state": "rescheduled", "update_state": "delayed",
				   "is_historical_sync": true, "rescheduled_for": "2024-05-02T00:00:00Z",
				   "tasks": [{"code": "reconnect", "message": "Reauthorize"}]},
				 "setup_tests": [{"title": "Connect", "status": "PASSED", "message": ""},
				   {"title": "Login", "status": "FAILED", "message": "bad password"},
				   {"title": "Job", "status": "JOB_FAILED"}, {"title": "Warn", "status": "WARNING", "message": "slow"}]}
				"""));
		assertThat(details.id()).isEqualTo("conn_1");
		assertThat(details.groupId()).isEqualTo("g1");
		assertThat(details.paused()).isFalse();
		assertThat(details.scheduleType()).isEqualTo("manual");
		assertThat(details.syncFrequency()).isEqualTo(360);
		assertThat(details.succeededAt()).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
		assertThat(details.failedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
		assertThat(details.setupState("broken")).isTrue();
		assertThat(details.syncState("rescheduled")).isTrue();
		assertThat(details.status().isHistoricalSync()).isTrue();
		assertThat(details.status().rescheduledFor()).isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
		assertThat(details.status().tasks()).containsExactly(new ConnectionDetails.Task("reconnect", "Reauthorize"));
		assertThat(details.failedSetupTests()).extracting(SetupTestResult::describe)
			.containsExactly("Login: bad password", "Job: ");
	}

	@Test
	void missingOrMistypedFieldsAreNull() {
		ConnectionDetails details = ConnectionDetails.of(JSON.readTree("""
				{"id": "", "paused": "yes", "sync_frequency": "often", "succeeded_at": "yesterday", "failed_at": 5}
				"""));
		assertThat(details.id()).isNull();
		assertThat(details.paused()).isNull();
		assertThat(details.syncFrequency()).isNull();
		assertThat(details.succeededAt()).isNull();
		assertThat(details.failedAt()).isNull();
		assertThat(details.status().setupState()).isNull();
		assertThat(details.setupState("broken")).isFalse();
		assertThat(details.status().tasks()).isEmpty();
		assertThat(details.setupTests()).isEmpty();
	}

	@Test
	void timestampsAreReadTolerantly() {
		assertThat(FivetranTime.parse("2024-05-01T10:00:00Z")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
		assertThat(FivetranTime.parse("2024-05-01T10:00:00.5-01:00"))
			.isEqualTo(Instant.parse("2024-05-01T11:00:00.5Z"));
		assertThat(FivetranTime.parse(null)).isNull();
		assertThat(FivetranTime.parse(" ")).isNull();
		assertThat(FivetranTime.parse("2024-05-01")).isNull();
		assertThat(FivetranTime.parse("not a time")).isNull();
	}

	@Test
	void transformationStateReadsStatusAndRunTimes() {
		TransformationState state = TransformationState.of(JSON.readTree("""
				{"id": "t1", "status": "PARTIALLY_SUCCEEDED", "last_started_at": "2024-05-01T10:00:00Z",
				 "last_ended_at": "2024-05-01T10:05:00Z"}
				"""));
		assertThat(state.status()).isEqualTo("PARTIALLY_SUCCEEDED");
		assertThat(state.lastStartedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
		assertThat(state.lastEndedAt()).isEqualTo(Instant.parse("2024-05-01T10:05:00Z"));
	}

	@Test
	void pageReadsItemsAndCursor() {
		JsonNode data = JSON.readTree("""
				{"items": [{"id": "a"}, {"id": "b"}], "next_cursor": "c2"}
				""");
		Page<ConnectionDetails> page = Page.of(data, ConnectionDetails::of);
		assertThat(page.items()).extracting(ConnectionDetails::id).containsExactly("a", "b");
		assertThat(page.hasNext()).isTrue();
		assertThat(page.nextCursor()).isEqualTo("c2");
		Page<JsonNode> last = Page.of(JSON.readTree("{\"items\": [], \"next_cursor\": \"\"}"), (item) -> item);
		assertThat(last.hasNext()).isFalse();
		assertThat(last.items()).isEmpty();
	}

}
