package dev.ftbridge.webhook;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heap the dedup window retains with 1,000,000 webhooks in it, spread over 12
 * partitions as an instance owning a whole topic would hold them; beside it, for
 * comparison, the same keys held as strings with their times (the window before
 * fingerprints, not counting the records its restore buffered). Run on demand:
 * {@code ./mvnw test -Dtest=DedupWindowHeapBenchmark -DskipITs}.
 */
class DedupWindowHeapBenchmark {

	private static final int WEBHOOKS = 1_000_000;

	private static final int PARTITIONS = 12;

	private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

	@Test
	void millionWebhooksInTheWindow() {
		long before = usedAfterGc();
		SeenWebhooks.Budget budget = new SeenWebhooks.Budget(2_000_000);
		SeenWebhooks[] partitions = new SeenWebhooks[PARTITIONS];
		for (int p = 0; p < PARTITIONS; p++) {
			partitions[p] = new SeenWebhooks(Duration.ofHours(24), budget);
		}
		for (int i = 0; i < WEBHOOKS; i++) {
			partitions[i % PARTITIONS].add(key(i), START.plusMillis(i));
		}
		long fingerprints = usedAfterGc() - before;
		int held = 0;
		for (SeenWebhooks partition : partitions) {
			held += partition.size();
		}
		assertThat(held).isEqualTo(WEBHOOKS);
		assertThat(partitions[7].contains(key(7 + PARTITIONS * 1000))).isTrue();

		before = usedAfterGc();
		Set<String> keys = new HashSet<>();
		Deque<Object[]> order = new ArrayDeque<>();
		for (int i = 0; i < WEBHOOKS; i++) {
			String key = key(i);
			keys.add(key);
			order.addLast(new Object[] { key, START.plusMillis(i) });
		}
		long strings = usedAfterGc() - before;
		assertThat(keys).hasSize(WEBHOOKS);
		System.out.printf(
				"dedup window, %,d webhooks over %d partitions: fingerprints %.1f MiB (%.1f bytes each); "
						+ "keys as strings %.1f MiB (%.1f bytes each)%n",
				WEBHOOKS, PARTITIONS, fingerprints / 1048576.0, (double) fingerprints / WEBHOOKS, strings / 1048576.0,
				(double) strings / WEBHOOKS);
		// keep both alive until measured
		assertThat(partitions[0].size() + order.size()).isPositive();
	}

	/** A dedup key as {@link WebhookEvent#dedupKey()} builds one: event, ids, created. */
	private static String key(int i) {
		return "sync_end\u001fconnection_" + (i % 5000) + "\u001f"
				+ java.util.UUID
					.nameUUIDFromBytes(new byte[] { (byte) i, (byte) (i >> 8), (byte) (i >> 16), (byte) (i >> 24) })
				+ "\u001f" + START.plusMillis(i);
	}

	private static long usedAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
