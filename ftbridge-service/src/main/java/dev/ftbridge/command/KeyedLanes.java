package dev.ftbridge.command;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time per key, in submission order, and tasks of different keys
 * concurrently on a shared executor (or the one given per task). A slow key holds up only
 * itself. A lane exists only while it has work, so memory follows the work in flight, not
 * the number of keys seen.
 */
class KeyedLanes {

	private static final Logger log = LoggerFactory.getLogger(KeyedLanes.class);

	private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

	private final Executor executor;

	KeyedLanes(Executor executor) {
		this.executor = executor;
	}

	/** Runs the task after every task submitted earlier for the same key. */
	void submit(String key, Runnable task) {
		submit(key, () -> CompletableFuture.completedFuture(null), task);
	}

	/**
	 * Runs the task after every task submitted earlier for the same key and, once it is
	 * the lane's turn, after {@code gate}'s future completes: the lane waits without
	 * holding a thread. The gate's future must not fail.
	 */
	void submit(String key, Supplier<CompletableFuture<Void>> gate, Runnable task) {
		submit(key, this.executor, gate, task);
	}

	/**
	 * As {@link #submit(String, Supplier, Runnable)}, on the given executor: a key's
	 * tasks stay in order and one at a time whichever executors they run on.
	 */
	void submit(String key, Executor executor, Supplier<CompletableFuture<Void>> gate, Runnable task) {
		CompletableFuture<Void> tail = this.tails.compute(key, (lane, previous) -> {
			CompletableFuture<Void> after = (previous != null) ? previous : CompletableFuture.completedFuture(null);
			return after.thenCompose((ignored) -> gate.get()).thenRunAsync(() -> runGuarded(lane, task), executor);
		});
		tail.whenComplete((ignored, failure) -> this.tails.remove(key, tail));
	}

	/** The number of keys with work queued or running. */
	int activeLanes() {
		return this.tails.size();
	}

	private static void runGuarded(String key, Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException | Error ex) {
			// A task's failure must not break the chain of later tasks for its key.
			log.error("Task for key '{}' failed", key, ex);
		}
	}

}
