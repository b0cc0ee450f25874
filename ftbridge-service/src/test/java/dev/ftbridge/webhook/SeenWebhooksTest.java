package dev.ftbridge.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dedup window holds fingerprints, forgets by time, and stays within the budget its
 * partitions share.
 */
class SeenWebhooksTest {

	private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

	@Test
	void agreesWithASetOfKeysWhileKeysComeAndGo() {
		SeenWebhooks seen = new SeenWebhooks(Duration.ofSeconds(1000), new SeenWebhooks.Budget(1_000_000));
		Deque<String> window = new ArrayDeque<>();
		Set<String> keys = new HashSet<>();
		Random random = new Random(7);
		for (int second = 0; second < 20_000; second++) {
			// about 1,000 keys in the window, added and forgotten across table growths
			String key = "sync_end/c" + random.nextInt(5_000_000) + "/" + second;
			seen.add(key, START.plusSeconds(second));
			window.addLast(key);
			keys.add(key);
			while (window.size() > 1001) {
				keys.remove(window.removeFirst());
			}
			if (second % 97 == 0) {
				for (String known : keys) {
					assertThat(seen.contains(known)).as(known).isTrue();
				}
				assertThat(seen.contains("sync_end/other/" + second)).isFalse();
			}
		}
		assertThat(seen.size()).isEqualTo(keys.size());
	}

	@Test
	void atTheBudgetAPartitionForgetsItsOwnOldestFirst() {
		SeenWebhooks.Budget budget = new SeenWebhooks.Budget(3);
		SeenWebhooks first = new SeenWebhooks(Duration.ofHours(24), budget);
		SeenWebhooks second = new SeenWebhooks(Duration.ofHours(24), budget);
		assertThat(first.add("a", START)).isZero();
		assertThat(first.add("b", START.plusSeconds(1))).isZero();
		assertThat(second.add("x", START.plusSeconds(2))).isZero();
		assertThat(first.add("c", START.plusSeconds(3))).isEqualTo(1);
		assertThat(first.contains("a")).isFalse();
		assertThat(first.contains("b")).isTrue();
		assertThat(first.contains("c")).isTrue();
		assertThat(second.contains("x")).isTrue();
		// a partition that is given up frees its share
		first.clear();
		assertThat(second.add("y", START.plusSeconds(4))).isZero();
		assertThat(second.add("z", START.plusSeconds(5))).isZero();
		assertThat(second.size()).isEqualTo(3);
	}

	@Test
	void forgettingByTimeReturnsTheBudget() {
		SeenWebhooks.Budget budget = new SeenWebhooks.Budget(2);
		SeenWebhooks seen = new SeenWebhooks(Duration.ofMinutes(1), budget);
		seen.add("a", START);
		seen.add("b", START.plusSeconds(1));
		assertThat(seen.add("c", START.plusSeconds(120))).isZero();
		assertThat(seen.add("d", START.plusSeconds(121))).isZero();
		assertThat(seen.contains("c")).isTrue();
		assertThat(seen.contains("a")).isFalse();
	}

}
