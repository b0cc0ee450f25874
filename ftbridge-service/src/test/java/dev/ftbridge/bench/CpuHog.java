package dev.ftbridge.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * A defined, reproducible "busy machine" for the benchmarks: a daemon thread spinning on
 * one core (a bounded busy loop that allocates nothing), stopped by {@link #close()} or
 * by itself after {@code atMost}, so a forgotten or crashed benchmark cannot leave a core
 * taken. On this 2-core machine it takes one of the two from the code measured.
 */
public final class CpuHog implements AutoCloseable {

	private final Thread thread;

	private volatile boolean stop;

	private volatile long sink;

	private CpuHog(Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		this.thread = new Thread(() -> spin(deadline), "cpu-hog");
		this.thread.setDaemon(true);
	}

	/**
	 * Starts a thread that keeps one core busy until {@link #close()} or {@code atMost}.
	 * @param atMost the longest the hog runs
	 * @return the running hog
	 */
	public static CpuHog start(Duration atMost) {
		CpuHog hog = new CpuHog(atMost);
		hog.thread.start();
		return hog;
	}

	/**
	 * Starts a hog for {@code hog}, nothing (null, fine in try-with-resources) for any
	 * other mode.
	 * @param mode {@code quiet} or {@code hog}
	 * @param atMost the longest the hog runs
	 * @return the running hog or null
	 */
	public static CpuHog startIf(String mode, Duration atMost) {
		return "hog".equals(mode) ? start(atMost) : null;
	}

	private void spin(long deadline) {
		long value = 0;
		while (!this.stop && System.nanoTime() < deadline) {
			for (int i = 0; i < 100_000; i++) {
				value += i * 31L ^ value;
			}
		}
		// published so the loop cannot be optimised away
		this.sink = value;
	}

	/** CPU time the spinning thread has used so far, in nanoseconds. */
	long cpuNanos() {
		return ManagementFactory.getThreadMXBean().getThreadCpuTime(this.thread.getId());
	}

	/** Whether the spinning thread is still running. */
	boolean running() {
		return this.thread.isAlive();
	}

	@Override
	public void close() throws InterruptedException {
		this.stop = true;
		this.thread.join();
	}

}
