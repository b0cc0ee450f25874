package dev.ftbridge.bench;

import java.time.Duration;

/**
 * A defined, reproducible load for the benchmarks' {@code hog} mode: a busy loop on one
 * core in the benchmark's JVM (never the bridge's), as another engineer's build beside
 * the bridge would be. It stops when closed or, at the latest, after {@code atMost}.
 */
public final class CpuHog implements AutoCloseable {

	private final Thread thread;

	private volatile boolean stop;

	private CpuHog(Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		this.thread = new Thread(() -> {
			long sink = 0;
			while (!this.stop && System.nanoTime() < deadline) {
				for (int i = 0; i < 100_000; i++) {
					sink += i * 31L ^ sink;
				}
			}
			if (sink == 42) {
				System.out.print("");
			}
		}, "cpu-hog");
		this.thread.setDaemon(true);
	}

	/** Starts the loop on a thread of its own. */
	public static CpuHog start(Duration atMost) {
		CpuHog hog = new CpuHog(atMost);
		hog.thread.start();
		return hog;
	}

	/** Stops the loop and waits for its thread. */
	@Override
	public void close() throws InterruptedException {
		this.stop = true;
		this.thread.join();
	}

}
