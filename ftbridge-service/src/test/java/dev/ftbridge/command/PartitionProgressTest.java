package dev.ftbridge.command;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PartitionProgress}.
 */
class PartitionProgressTest {

	private final PartitionProgress progress = new PartitionProgress();

	@Test
	void committableWithNothingReadIsNone() {
		assertThat(this.progress.committable()).isEqualTo(-1);
	}

	@Test
	void committableNeverPassesAnUnfinishedOffset() {
		readAndStart(10, 11, 12, 13);
		this.progress.finish(12);
		assertThat(this.progress.committable()).isEqualTo(10);
		this.progress.finish(13);
		assertThat(this.progress.committable()).isEqualTo(10);
		this.progress.finish(10);
		assertThat(this.progress.committable()).isEqualTo(11);
		this.progress.finish(11);
		assertThat(this.progress.committable()).isEqualTo(14);
		assertThat(this.progress.unfinished()).isZero();
	}

	@Test
	void committableCountsReadButUnstartedOffsetsAsUnfinished() {
		this.progress.read(20);
		this.progress.read(21);
		assertThat(this.progress.committable()).isEqualTo(20);
		assertThat(this.progress.unfinished()).isEqualTo(2);
	}

	@Test
	void committableAfterCommitOffersOnlyNewerOffsets() {
		readAndStart(0, 1);
		this.progress.finish(0);
		this.progress.finish(1);
		assertThat(this.progress.committable()).isEqualTo(2);
		this.progress.committed(2);
		assertThat(this.progress.committable()).isEqualTo(-1);
		readAndStart(2);
		assertThat(this.progress.committable()).isEqualTo(-1);
		this.progress.finish(2);
		assertThat(this.progress.committable()).isEqualTo(3);
	}

	@Test
	void committedNeverMovesBackwards() {
		readAndStart(5);
		this.progress.finish(5);
		this.progress.committed(6);
		this.progress.committed(3);
		assertThat(this.progress.committable()).isEqualTo(-1);
	}

	@Test
	void revokeStopsUnstartedRecordsFromStarting() {
		this.progress.read(30);
		this.progress.read(31);
		assertThat(this.progress.start(30)).isTrue();
		this.progress.revoke();
		assertThat(this.progress.start(31)).isFalse();
		this.progress.finish(30);
		assertThat(this.progress.committable()).isEqualTo(31);
		assertThat(this.progress.unfinished()).isEqualTo(1);
	}

	@Test
	void revokeLeavesNothingRunningForUnstartedRecords() throws InterruptedException {
		this.progress.read(40);
		this.progress.revoke();
		assertThat(this.progress.start(40)).isFalse();
		assertThat(this.progress.awaitIdle(System.nanoTime())).isTrue();
	}

	@Test
	void awaitIdleWithNothingRunningReturnsAtOnce() throws InterruptedException {
		readAndStart(1);
		this.progress.finish(1);
		assertThat(this.progress.awaitIdle(System.nanoTime() - 1)).isTrue();
	}

	@Test
	void awaitIdleWaitsForARunningRecordToFinish() throws InterruptedException {
		readAndStart(50);
		Thread waiter = Thread.currentThread();
		AtomicBoolean finished = new AtomicBoolean();
		CompletableFuture<Void> finisher = CompletableFuture.runAsync(() -> {
			await().atMost(Duration.ofSeconds(5)).until(() -> waiter.getState() == Thread.State.TIMED_WAITING);
			finished.set(true);
			this.progress.finish(50);
		});
		long started = System.nanoTime();
		boolean idle = this.progress.awaitIdle(started + Duration.ofSeconds(10).toNanos());
		assertThat(idle).isTrue();
		assertThat(finished).isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		finisher.join();
	}

	@Test
	void awaitIdleGivesUpAtTheDeadlineWhileARecordKeepsRunning() throws InterruptedException {
		readAndStart(60);
		long started = System.nanoTime();
		boolean idle = this.progress.awaitIdle(started + Duration.ofMillis(200).toNanos());
		assertThat(idle).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
		assertThat(this.progress.committable()).isEqualTo(60);
	}

	@Test
	void abandonLeavesTheOffsetUncommitted() throws InterruptedException {
		readAndStart(70, 71);
		this.progress.finish(71);
		this.progress.abandon(70);
		assertThat(this.progress.awaitIdle(System.nanoTime())).isTrue();
		assertThat(this.progress.committable()).isEqualTo(70);
		assertThat(this.progress.unfinished()).isEqualTo(1);
	}

	@Test
	void abandonWakesAWaiter() throws InterruptedException {
		readAndStart(80);
		Thread waiter = Thread.currentThread();
		CompletableFuture<Void> abandoner = CompletableFuture.runAsync(() -> {
			await().atMost(Duration.ofSeconds(5)).until(() -> waiter.getState() == Thread.State.TIMED_WAITING);
			this.progress.abandon(80);
		});
		assertThat(this.progress.awaitIdle(System.nanoTime() + Duration.ofSeconds(10).toNanos())).isTrue();
		assertThat(this.progress.committable()).isEqualTo(80);
		abandoner.join();
	}

	private void readAndStart(long... offsets) {
		for (long offset : offsets) {
			this.progress.read(offset);
		}
		for (long offset : offsets) {
			assertThat(this.progress.start(offset)).isTrue();
		}
	}

}
