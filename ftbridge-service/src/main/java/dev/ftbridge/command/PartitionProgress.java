package dev.ftbridge.command;

import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Which offsets of one partition are read but not finished, so the committed offset never
 * passes an unfinished record although records finish out of order. Once revoked, records
 * not yet started are left alone for the partition's next owner.
 */
class PartitionProgress {

	private final TreeSet<Long> unfinished = new TreeSet<>();

	private long nextOffset = -1;

	private long committed = -1;

	private int running;

	private boolean revoked;

	synchronized void read(long offset) {
		this.unfinished.add(offset);
		this.nextOffset = Math.max(this.nextOffset, offset + 1);
	}

	/** Marks a record started; {@code false} when the partition was revoked meanwhile. */
	synchronized boolean start(long offset) {
		if (this.revoked) {
			return false;
		}
		this.running++;
		return true;
	}

	synchronized void finish(long offset) {
		this.unfinished.remove(offset);
		this.running--;
		notifyAll();
	}

	/**
	 * The offset to commit (the next record to read after a restart), or -1 when nothing
	 * new can be committed.
	 */
	synchronized long committable() {
		long offset = this.unfinished.isEmpty() ? this.nextOffset : this.unfinished.first();
		return (offset > this.committed) ? offset : -1;
	}

	synchronized void committed(long offset) {
		this.committed = Math.max(this.committed, offset);
	}

	/** A started record that did not finish (shutdown): it stays uncommitted. */
	synchronized void abandon(long offset) {
		this.running--;
		notifyAll();
	}

	/** Whether the partition was given up: its records not started yet never start. */
	synchronized boolean revoked() {
		return this.revoked;
	}

	/**
	 * Stops records that have not started from starting; they are left for the next
	 * owner.
	 */
	synchronized void revoke() {
		this.revoked = true;
	}

	/**
	 * Waits for running records to end, up to the deadline; {@code true} if they did.
	 * @param deadlineNanos the deadline on {@link System#nanoTime()}'s scale
	 */
	synchronized boolean awaitIdle(long deadlineNanos) throws InterruptedException {
		while (this.running > 0) {
			long wait = deadlineNanos - System.nanoTime();
			if (wait <= 0) {
				return false;
			}
			TimeUnit.NANOSECONDS.timedWait(this, wait);
		}
		return true;
	}

	synchronized int unfinished() {
		return this.unfinished.size();
	}

}
