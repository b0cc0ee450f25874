package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhooks of one partition received within the dedup window, each as a 64-bit
 * fingerprint of its dedup key and the second it was received: 12 bytes in arrival order
 * plus an open-addressing slot of 8 bytes at most 70% full, 25 to 40 bytes a webhook
 * whatever its body. A webhook is forgotten up to a second before its window ends.
 * Records arrive in offset order, so the oldest is always at the head and pruning is
 * cheap. Two distinct keys share a fingerprint with a chance of about n in 2^64 (n
 * webhooks remembered), which would drop the second as a repeat.
 * <p>
 * Every partition of an instance draws on one {@link Budget}. At the bound a partition
 * forgets its own oldest webhook before its window ends (and {@link #add} says so); the
 * webhook forgotten would no longer be recognised if Fivetran delivered it again.
 */
final class SeenWebhooks {

	private static final int INITIAL = 1024;

	private static final double MAX_LOAD = 0.7;

	private final long windowSeconds;

	private final Budget budget;

	private final MessageDigest digest;

	/**
	 * Arrival order, a ring: fingerprints and times (seconds after {@link #base}), head
	 * is the oldest.
	 */
	private long[] fingerprints = new long[INITIAL];

	private int[] times = new int[INITIAL];

	private long base = Long.MIN_VALUE;

	private int head;

	private int size;

	/** Linear-probing set of fingerprints; 0 marks an empty slot. */
	private long[] slots = new long[INITIAL * 2];

	SeenWebhooks(Duration window, Budget budget) {
		this.windowSeconds = window.toSeconds();
		this.budget = budget;
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java platform", ex);
		}
	}

	boolean contains(String key) {
		return contains(fingerprint(key));
	}

	/**
	 * Remembers a key received at a time, and forgets those now outside the window.
	 * Returns how many webhooks still inside the window were forgotten to stay within the
	 * budget (0 almost always).
	 */
	int add(String key, Instant receivedAt) {
		long now = receivedAt.getEpochSecond();
		if (this.base == Long.MIN_VALUE) {
			this.base = now;
		}
		prune(receivedAt);
		long fingerprint = fingerprint(key);
		if (contains(fingerprint)) {
			return 0;
		}
		int forgotten = 0;
		while (!this.budget.take()) {
			if (this.size == 0) {
				// the other partitions hold the whole budget: this one remembers nothing
				return 1;
			}
			removeOldest();
			this.budget.give(1);
			forgotten++;
		}
		append(fingerprint, now);
		return forgotten;
	}

	void prune(Instant now) {
		if (this.base == Long.MIN_VALUE) {
			return;
		}
		// rounded up: forgotten up to a second early rather than late
		prune(now.getEpochSecond() + ((now.getNano() > 0) ? 1 : 0));
	}

	int size() {
		return this.size;
	}

	/** The partition is no longer this instance's: its share of the budget is freed. */
	void clear() {
		this.budget.give(this.size);
		this.size = 0;
		this.head = 0;
		this.fingerprints = new long[INITIAL];
		this.times = new int[INITIAL];
		this.slots = new long[INITIAL * 2];
	}

	private void prune(long nowSeconds) {
		long cutoff = nowSeconds - this.windowSeconds - this.base;
		while (this.size > 0 && this.times[this.head] < cutoff) {
			removeOldest();
			this.budget.give(1);
		}
	}

	private void removeOldest() {
		remove(this.fingerprints[this.head]);
		this.head = (this.head + 1) % this.fingerprints.length;
		this.size--;
	}

	private void append(long fingerprint, long time) {
		if (this.size == this.fingerprints.length) {
			grow();
		}
		int tail = (this.head + this.size) % this.fingerprints.length;
		this.fingerprints[tail] = fingerprint;
		this.times[tail] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, time - this.base));
		this.size++;
		if (this.size > this.slots.length * MAX_LOAD) {
			rehash(this.slots.length * 2);
		}
		insert(fingerprint);
	}

	private void grow() {
		int length = (int) Math.min(Integer.MAX_VALUE - 8, this.fingerprints.length * 3L / 2);
		long[] fingerprints = new long[length];
		int[] times = new int[length];
		for (int i = 0; i < this.size; i++) {
			int from = (this.head + i) % this.fingerprints.length;
			fingerprints[i] = this.fingerprints[from];
			times[i] = this.times[from];
		}
		this.fingerprints = fingerprints;
		this.times = times;
		this.head = 0;
	}

	private void rehash(int length) {
		this.slots = new long[length];
		for (int i = 0; i < this.size - 1; i++) {
			insert(this.fingerprints[(this.head + i) % this.fingerprints.length]);
		}
	}

	private boolean contains(long fingerprint) {
		int mask = this.slots.length - 1;
		for (int slot = slot(fingerprint, mask); this.slots[slot] != 0; slot = (slot + 1) & mask) {
			if (this.slots[slot] == fingerprint) {
				return true;
			}
		}
		return false;
	}

	private void insert(long fingerprint) {
		int mask = this.slots.length - 1;
		int slot = slot(fingerprint, mask);
		while (this.slots[slot] != 0) {
			slot = (slot + 1) & mask;
		}
		this.slots[slot] = fingerprint;
	}

	/** Removes by shifting later entries of the probe run back: no tombstones. */
	private void remove(long fingerprint) {
		int mask = this.slots.length - 1;
		int slot = slot(fingerprint, mask);
		while (this.slots[slot] != fingerprint) {
			if (this.slots[slot] == 0) {
				return;
			}
			slot = (slot + 1) & mask;
		}
		int gap = slot;
		for (int next = (gap + 1) & mask; this.slots[next] != 0; next = (next + 1) & mask) {
			int home = slot(this.slots[next], mask);
			// the entry at next may fill the gap if its home is not between gap and next
			if (((next - home) & mask) >= ((next - gap) & mask)) {
				this.slots[gap] = this.slots[next];
				gap = next;
			}
		}
		this.slots[gap] = 0;
	}

	private static int slot(long fingerprint, int mask) {
		return (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
	}

	private long fingerprint(String key) {
		byte[] hash = this.digest.digest(key.getBytes(StandardCharsets.UTF_8));
		long fingerprint = 0;
		for (int i = 0; i < 8; i++) {
			fingerprint = (fingerprint << 8) | (hash[i] & 0xff);
		}
		// 0 marks an empty slot
		return (fingerprint != 0) ? fingerprint : 1;
	}

	/** How many webhooks all partitions of an instance may remember together. */
	static final class Budget {

		private final AtomicLong remaining;

		Budget(long capacity) {
			this.remaining = new AtomicLong(capacity);
		}

		boolean take() {
			return this.remaining.getAndUpdate((left) -> (left > 0) ? left - 1 : left) > 0;
		}

		void give(long entries) {
			this.remaining.addAndGet(entries);
		}

	}

}
