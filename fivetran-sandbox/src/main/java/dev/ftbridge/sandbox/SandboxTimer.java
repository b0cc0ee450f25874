package dev.ftbridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks at sandbox instants on one daemon thread. A task never runs before its
 * instant on the {@link SandboxClock}, even where the real scheduler and the clock
 * disagree by a fraction of a millisecond, so a timestamp taken in the task is never
 * earlier than the one promised (e.g. {@code rescheduled_for}). Tasks must be short: hand
 * slow work to an executor.
 */
final class SandboxTimer implements AutoCloseable {

	/** The shortest real wait for a re-check, so an early wake-up never spins. */
	private static final long MIN_WAIT_NANOS = 100_000;

	private final SandboxClock clock;

	private final ScheduledExecutorService scheduler;

	SandboxTimer(SandboxClock clock, String threadName) {
		this.clock = clock;
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, threadName);
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Runs the task once {@code delay} of sandbox time has passed. */
	void after(Duration delay, Runnable task) {
		at(this.clock.now().plus(delay), task);
	}

	/** Runs the task at the sandbox instant (at once if it has passed). */
	void at(Instant when, Runnable task) {
		Duration wait = Duration.between(this.clock.now(), when);
		try {
			if (wait.isNegative() || wait.isZero()) {
				this.scheduler.execute(task);
			}
			else {
				long nanos = Math.max(MIN_WAIT_NANOS, this.clock.toReal(wait).toNanos());
				this.scheduler.schedule(() -> at(when, task), nanos, TimeUnit.NANOSECONDS);
			}
		}
		catch (RejectedExecutionException ex) {
			// stopped: pending work is dropped with the sandbox
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
