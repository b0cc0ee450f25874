package dev.ftbridge.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code status} folds the statuses of one connection into its row: sync start and
 * end from webhook events, the last failure, and whether it is failing.
 */
class ConnectionRowTest {

	@Test
	void syncEventsGiveStartEndAndTheLastFailure() {
		ConnectionRow polled = row(null, "{\"setup_state\":\"connected\",\"sync_state\":\"scheduled\","
				+ "\"succeeded_at\":\"2026-12-05T08:00:00Z\",\"failed_at\":\"2026-12-04T08:00:00Z\"}");
		ConnectionRow started = row(polled, "{\"event\":\"sync_start\",\"observed_at\":\"2026-12-05T09:00:00Z\","
				+ "\"setup_state\":\"connected\",\"sync_state\":\"syncing\"}");
		ConnectionRow failed = row(started,
				"{\"event\":\"sync_end\",\"observed_at\":\"2026-12-05T09:05:00Z\",\"sync_status\":\"FAILURE_WITH_TASK\","
						+ "\"reason\":\"table gone\",\"failed_at\":\"2026-12-05T09:05:00Z\","
						+ "\"succeeded_at\":\"2026-12-05T08:00:00Z\",\"setup_state\":\"connected\"}");
		ConnectionRow polledAgain = row(failed, "{\"setup_state\":\"connected\",\"sync_state\":\"scheduled\","
				+ "\"succeeded_at\":\"2026-12-05T08:00:00Z\",\"failed_at\":\"2026-12-05T09:05:00Z\"}");
		ConnectionRow succeeded = row(polledAgain,
				"{\"event\":\"sync_end\",\"observed_at\":\"2026-12-05T10:05:00Z\","
						+ "\"sync_status\":\"SUCCESSFUL\",\"succeeded_at\":\"2026-12-05T10:05:00Z\","
						+ "\"failed_at\":\"2026-12-05T09:05:00Z\",\"setup_state\":\"connected\"}");

		assertThat(polled.failing()).isFalse();
		assertThat(polled.syncStart()).isNull();
		assertThat(polled.syncEnd()).isEqualTo("2026-12-05T08:00:00Z");
		assertThat(started.syncStart()).isEqualTo("2026-12-05T09:00:00Z");
		assertThat(failed.failing()).isTrue();
		assertThat(failed.syncEnd()).isEqualTo("2026-12-05T09:05:00Z");
		assertThat(failed.failure()).isEqualTo("2026-12-05T09:05:00Z table gone");
		assertThat(polledAgain.failure()).as("the reason outlives a later poll").isEqualTo(failed.failure());
		assertThat(polledAgain.failing()).isTrue();
		assertThat(polledAgain.syncStart()).isEqualTo("2026-12-05T09:00:00Z");
		assertThat(succeeded.failing()).isFalse();
		assertThat(succeeded.syncEnd()).isEqualTo("2026-12-05T10:05:00Z");
		assertThat(succeeded.failure()).isEqualTo(failed.failure());
	}

	@Test
	void aWebhookStatusKeepsWhatItDoesNotName() {
		ConnectionRow polled = row(null, "{\"setup_state\":\"broken\",\"sync_state\":\"scheduled\",\"paused\":true}");
		ConnectionRow started = row(polled,
				"{\"event\":\"sync_start\",\"observed_at\":\"2026-12-05T09:00:00Z\"," + "\"sync_state\":\"syncing\"}");

		assertThat(started.setupState()).isEqualTo("broken");
		assertThat(started.paused()).as("a sync state other than paused says it is not").isFalse();
		assertThat(started.syncState()).isEqualTo("syncing");
		assertThat(started.failing()).as("still broken").isTrue();
		assertThat(started.syncStart()).isEqualTo("2026-12-05T09:00:00Z");
		ConnectionRow failed = row(started, "{\"event\":\"sync_end\",\"observed_at\":\"2026-12-05T09:05:00Z\","
				+ "\"sync_status\":\"FAILURE_WITH_TASK\",\"reason\":\"login failed\"}");
		ConnectionRow again = row(failed,
				"{\"event\":\"sync_start\",\"observed_at\":\"2026-12-05T10:00:00Z\"," + "\"sync_state\":\"syncing\"}");
		assertThat(again.failure()).isEqualTo("2026-12-05T09:05:00Z login failed");
		assertThat(row(polled, "{\"event\":\"sync_end\",\"observed_at\":\"2026-12-05T09:05:00Z\"}").paused())
			.as("nothing said: as it was")
			.isTrue();
	}

	@Test
	void aBrokenSetupIsFailing() {
		assertThat(row(null, "{\"setup_state\":\"broken\",\"sync_state\":\"scheduled\"}").failing()).isTrue();
	}

	private static ConnectionRow row(ConnectionRow before, String data) {
		String withId = "{\"connection_id\":\"c1\",\"group_id\":\"g\",\"service\":\"postgres\"," + data.substring(1);
		return ConnectionRow.of(JsonInput.JSON.readTree(withId), before);
	}

}
