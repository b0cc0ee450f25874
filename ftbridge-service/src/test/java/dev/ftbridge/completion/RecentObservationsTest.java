package dev.ftbridge.completion;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentObservationsTest {

	private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

	@Test
	void atTheCountBoundTheOldestEventsGoFirst() {
		RecentObservations recent = new RecentObservations(Duration.ofMinutes(5), 3);
		for (int i = 0; i < 5; i++) {
			recent.add(started("conn_" + i, T0.plusSeconds(i)));
		}
		assertThat(recent.size()).isEqualTo(3);
		assertThat(recent.dropped()).isEqualTo(2);
		assertThat(recent.about(operation("conn_0"))).isEmpty();
		assertThat(recent.about(operation("conn_1"))).isEmpty();
		assertThat(recent.about(operation("conn_2"))).hasSize(1);
		assertThat(recent.about(operation("conn_4"))).hasSize(1);
	}

	@Test
	void eventsOfOneResourceStayInOrderAndLeaveOldestFirst() {
		RecentObservations recent = new RecentObservations(Duration.ofMinutes(5), 3);
		recent.add(started("conn_a", T0));
		recent.add(started("conn_b", T0.plusSeconds(1)));
		recent.add(started("conn_a", T0.plusSeconds(2)));
		recent.add(started("conn_a", T0.plusSeconds(3)));
		// the first conn_a event went; the two later ones are left, oldest first
		assertThat(recent.about(operation("conn_a"))).extracting(Observation::created)
			.containsExactly(T0.plusSeconds(2), T0.plusSeconds(3));
		assertThat(recent.about(operation("conn_b"))).hasSize(1);
	}

	@Test
	void pruningByAgeKeepsTheIndexInStep() {
		RecentObservations recent = new RecentObservations(Duration.ofMinutes(5), 100);
		recent.add(started("conn_a", T0));
		recent.add(started("conn_b", T0.plusSeconds(200)));
		recent.prune(T0.plusSeconds(400));
		assertThat(recent.about(operation("conn_a"))).isEmpty();
		assertThat(recent.about(operation("conn_b"))).hasSize(1);
		assertThat(recent.size()).isEqualTo(1);
		assertThat(recent.dropped()).isZero();
		recent.prune(T0.plusSeconds(600));
		assertThat(recent.size()).isZero();
		assertThat(recent.about(operation("conn_b"))).isEmpty();
	}

	@Test
	void aTransformationRunIsNotTakenForAConnectionOfTheSameId() {
		RecentObservations recent = new RecentObservations(Duration.ofMinutes(5), 10);
		recent.add(new ReceivedObservation(new Observation.RunEnded("same_id", T0, true, null, null), T0));
		assertThat(recent.about(operation("same_id"))).isEmpty();
	}

	private static ReceivedObservation started(String connectionId, Instant at) {
		return new ReceivedObservation(new Observation.SyncStarted(connectionId, "sync-" + at.getEpochSecond(), at),
				at);
	}

	private static PendingOperation operation(String connectionId) {
		return new PendingOperation("cmd-1", "fivetran.connection.sync", connectionId, 0,
				PendingOperation.Resource.CONNECTION, connectionId, T0.minusSeconds(60), T0.plusSeconds(3600), null,
				null, 1, null, null, PendingOperation.Reschedule.NONE, null, false);
	}

}
