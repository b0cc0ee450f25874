package dev.ftbridge.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes ids in Fivetran's two-word style ({@code brisk_falcon}), with a sequence number
 * so they never collide.
 */
final class Ids {

	private static final String[] FIRST = { "amber", "brisk", "calm", "dusty", "eager", "fancy", "gentle", "hollow",
			"icy", "jolly", "keen", "lively", "mellow", "noble", "polite", "quiet" };

	private static final String[] SECOND = { "anchor", "badger", "canyon", "delta", "ember", "falcon", "glacier",
			"harbor", "island", "jungle", "kernel", "lagoon", "meadow", "nectar", "orchid", "pebble" };

	private final AtomicLong sequence = new AtomicLong();

	String next() {
		long n = this.sequence.incrementAndGet();
		return FIRST[(int) (n % FIRST.length)] + "_" + SECOND[(int) ((n / FIRST.length) % SECOND.length)] + "_" + n;
	}

}
