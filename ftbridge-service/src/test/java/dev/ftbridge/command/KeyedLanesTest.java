package dev.ftbridge.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link KeyedLanes} on a real thread pool.
 */
class KeyedLanesTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private final KeyedLanes lanes = new KeyedLanes(this.executor);

	@AfterEach
	void shutDown() throws InterruptedException {
		this.executor.shutdownNow();
		assertThat(this.executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void submitRunsTasksOfOneKeyInOrderAndOneAtATime() {
		int keys = 20;
		int tasksPerKey = 50;
		Map<String, List<Integer>> ran = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
		List<String> overlaps = new CopyOnWriteArrayList<>();
		AtomicInteger done = new AtomicInteger();
		for (int task = 0; task < tasksPerKey; task++) {
			for (int k = 0; k < keys; k++) {
				String key = "connection-" + k;
				int sequence = task;
				ran.computeIfAbsent(key, (ignored) -> Collections.synchronizedList(new ArrayList<>()));
				running.computeIfAbsent(key, (ignored) -> new AtomicInteger());
				this.lanes.submit(key, () -> {
					if (running.get(key).incrementAndGet() != 1) {
						overlaps.add(key + "#" + sequence);
					}
					LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
					ran.get(key).add(sequence);
					running.get(key).decrementAndGet();
					done.incrementAndGet();
				});
			}
		}
		await().atMost(TIMEOUT).until(() -> done.get() == keys * tasksPerKey);
		List<Integer> expected = IntStream.range(0, tasksPerKey).boxed().toList();
		assertThat(ran).hasSize(keys)
			.allSatisfy((key, sequence) -> assertThat(sequence).containsExactlyElementsOf(expected));
		assertThat(overlaps).isEmpty();
		await().atMost(TIMEOUT).until(() -> this.lanes.activeLanes() == 0);
	}

	@Test
	void submitRunsDifferentKeysConcurrently() throws InterruptedException {
		CountDownLatch bothRunning = new CountDownLatch(2);
		List<Boolean> sawTheOther = new CopyOnWriteArrayList<>();
		CountDownLatch done = new CountDownLatch(2);
		for (String key : List.of("a", "b")) {
			this.lanes.submit(key, () -> {
				bothRunning.countDown();
				try {
					sawTheOther.add(bothRunning.await(5, TimeUnit.SECONDS));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				done.countDown();
			});
		}
		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(sawTheOther).containsExactly(true, true);
	}

	@Test
	void submitLetsOtherKeysPassABlockedKey() throws InterruptedException {
		CountDownLatch gate = new CountDownLatch(1);
		CountDownLatch otherRan = new CountDownLatch(1);
		List<String> order = new CopyOnWriteArrayList<>();
		this.lanes.submit("slow", () -> {
			awaitQuietly(gate);
			order.add("slow-1");
		});
		this.lanes.submit("slow", () -> order.add("slow-2"));
		this.lanes.submit("fast", () -> {
			order.add("fast");
			otherRan.countDown();
		});
		assertThat(otherRan.await(10, TimeUnit.SECONDS)).isTrue();
		// the fast lane goes away once its task is done; the slow one stays
		await().atMost(TIMEOUT).until(() -> this.lanes.activeLanes() == 1);
		assertThat(order).containsExactly("fast");
		gate.countDown();
		await().atMost(TIMEOUT).until(() -> order.size() == 3);
		assertThat(order).containsExactly("fast", "slow-1", "slow-2");
	}

	@Test
	void submitAfterATaskThrowsStillRunsLaterTasksOfTheKey() {
		List<String> ran = new CopyOnWriteArrayList<>();
		this.lanes.submit("k", () -> ran.add("first"));
		this.lanes.submit("k", () -> {
			throw new IllegalStateException("boom");
		});
		this.lanes.submit("k", () -> ran.add("after exception"));
		this.lanes.submit("k", () -> {
			throw new AssertionError("an Error");
		});
		this.lanes.submit("k", () -> ran.add("after error"));
		await().atMost(TIMEOUT).until(() -> ran.size() == 3);
		assertThat(ran).containsExactly("first", "after exception", "after error");
		await().atMost(TIMEOUT).until(() -> this.lanes.activeLanes() == 0);
	}

	@Test
	void activeLanesCountsKeysWithWorkAndDropsToZeroWhenDone() throws InterruptedException {
		assertThat(this.lanes.activeLanes()).isZero();
		CountDownLatch gate = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(3);
		for (String key : List.of("x", "y", "z")) {
			this.lanes.submit(key, () -> {
				started.countDown();
				awaitQuietly(gate);
			});
			this.lanes.submit(key, () -> {
			});
		}
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.lanes.activeLanes()).isEqualTo(3);
		gate.countDown();
		await().atMost(TIMEOUT).until(() -> this.lanes.activeLanes() == 0);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
