package dev.ftbridge.completion;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/** Ticks the desk on one background thread: deadlines, polls, re-triggers. */
class OperationScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OperationScheduler.class);

	private final OperationTracker desk;

	private final Duration tick;

	private ScheduledExecutorService executor;

	OperationScheduler(OperationTracker desk, Duration tick) {
		this.desk = desk;
		this.tick = tick;
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "ftbridge-operations");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1, this.tick.toMillis());
		this.executor.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
	}

	private void tick() {
		try {
			this.desk.tick();
		}
		catch (RuntimeException ex) {
			// never let an exception cancel the schedule
			log.warn("Pending-operations tick failed", ex);
		}
	}

	/**
	 * No new tick starts; a running one gets 2 s to finish (it may be publishing a
	 * terminal result), then is interrupted. A result left in doubt is checked against
	 * the result topic before it is published again, here or by the next owner.
	 */
	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdown();
			try {
				if (!this.executor.awaitTermination(2, TimeUnit.SECONDS)) {
					this.executor.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.executor.shutdownNow();
			}
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
