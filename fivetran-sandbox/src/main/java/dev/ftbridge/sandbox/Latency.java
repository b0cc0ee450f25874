package dev.ftbridge.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long the sandbox takes to answer, per endpoint class: uniform between a minimum and
 * a maximum, in sandbox time.
 *
 * @param enabled whether to add latency at all
 * @param read detail and list calls, sync triggers' reads
 * @param write creates, updates, deletes, sync and resync triggers
 * @param setupTest calls that run setup tests
 * @param sourceInteraction calls that talk to the source (schema reload, columns)
 */
public record Latency(boolean enabled, Range read, Range write, Range setupTest, Range sourceInteraction) {

	public Latency {
		Objects.requireNonNull(read, "read");
		Objects.requireNonNull(write, "write");
		Objects.requireNonNull(setupTest, "setupTest");
		Objects.requireNonNull(sourceInteraction, "sourceInteraction");
	}

	/**
	 * Reads 20–80 ms, writes 50–150 ms, setup tests 5–20 s, source interaction 1–3 s.
	 */
	public static Latency defaults() {
		return new Latency(true, Range.ofMillis(20, 80), Range.ofMillis(50, 150), Range.ofMillis(5_000, 20_000),
				Range.ofMillis(1_000, 3_000));
	}

	/** The default ranges, switched off. */
	public static Latency disabled() {
		Latency defaults = defaults();
		return new Latency(false, defaults.read, defaults.write, defaults.setupTest, defaults.sourceInteraction);
	}

	/** The same latency for every class. */
	public static Latency uniform(Range range) {
		return new Latency(true, range, range, range, range);
	}

	Range rangeFor(Cost cost) {
		return switch (cost) {
			case READ -> this.read;
			case WRITE, USER_CREATION -> this.write;
			case SETUP_TEST -> this.setupTest;
			case SOURCE_INTERACTION -> this.sourceInteraction;
		};
	}

	/** A delay for one request of that class. */
	Duration sample(Cost cost, RandomGenerator random) {
		return this.enabled ? rangeFor(cost).sample(random) : Duration.ZERO;
	}

	/**
	 * A uniform distribution of delays.
	 *
	 * @param min the shortest delay
	 * @param max the longest delay
	 */
	public record Range(Duration min, Duration max) {

		public Range {
			if (min.isNegative() || max.compareTo(min) < 0) {
				throw new IllegalArgumentException("need 0 <= min <= max, was " + min + ".." + max);
			}
		}

		public static Range ofMillis(long min, long max) {
			return new Range(Duration.ofMillis(min), Duration.ofMillis(max));
		}

		Duration sample(RandomGenerator random) {
			long span = this.max.toNanos() - this.min.toNanos();
			return this.min.plusNanos((span > 0) ? random.nextLong(span + 1) : 0);
		}

	}

}
