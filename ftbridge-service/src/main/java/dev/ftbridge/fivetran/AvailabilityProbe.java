package dev.ftbridge.fivetran;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * While Fivetran is unavailable (refused credentials, or the circuit is open and waiting
 * to probe), sends one cheap call now and then; its success lets the account's waiting
 * commands go.
 */
class AvailabilityProbe implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AvailabilityProbe.class);

	private final FivetranClient client;

	private final FivetranAvailability availability;

	private final Duration interval;

	private final String threadName;

	private ScheduledExecutorService scheduler;

	AvailabilityProbe(FivetranClient client, FivetranAvailability availability, Duration interval) {
		this(client, availability, interval, "ftbridge-fivetran-probe");
	}

	AvailabilityProbe(FivetranClient client, FivetranAvailability availability, Duration interval, String threadName) {
		this.threadName = threadName;
		this.client = client;
		this.availability = availability;
		this.interval = interval;
	}

	void probeIfUnavailable() {
		if (this.availability.available()) {
			return;
		}
		try {
			this.client.execute(FivetranRequests.listGroups(1), Throttle.Priority.BACKGROUND);
		}
		catch (FivetranException ex) {
			log.debug("Fivetran probe failed: {}", ex.getMessage());
		}
	}

	@Override
	public synchronized void start() {
		this.availability.startUp();
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, this.threadName);
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.scheduler.scheduleWithFixedDelay(this::probeIfUnavailable, millis, millis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Stops before the command consumer, so commands waiting for Fivetran let go at once.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

	@Override
	public synchronized void stop() {
		this.availability.shutdown();
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
