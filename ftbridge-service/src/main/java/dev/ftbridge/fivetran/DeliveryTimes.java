package dev.ftbridge.fivetran;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Measured round trips of quick calls, from which the bridge bounds how long after
 * sending Fivetran can have received (and counted) a slow call such as a setup test. A
 * quick call's round trip includes the whole way to Fivetran and back, through the same
 * client, threads and machine, so the longest one under way alongside the slow call (or,
 * if none was, the longest of the latest 32) measures that call's delivery: the busier
 * the machine, the longer the allowance. Twice that is allowed, for the noise between two
 * calls on a saturated machine. With nothing measured yet the slow call counts from its
 * answer. Not thread-safe; the {@link Throttle} guards it.
 */
final class DeliveryTimes {

	private static final int KEPT = 512;

	private static final int RECENT = 32;

	/** {sent at, round trip} of the latest quick calls, oldest first. */
	private final ArrayDeque<long[]> quick = new ArrayDeque<>();

	void quick(long sentAt, long roundTrip) {
		this.quick.addLast(new long[] { sentAt, Math.max(0, roundTrip) });
		if (this.quick.size() > KEPT) {
			this.quick.removeFirst();
		}
	}

	/**
	 * The latest time after {@code sentAt} at which Fivetran can have counted a slow call
	 * answered at {@code answeredAt}: never after its answer, never before
	 * {@code sentAt + floor}.
	 */
	long countedBy(long sentAt, long answeredAt, long floor) {
		long took = Math.max(0, answeredAt - sentAt);
		if (this.quick.isEmpty()) {
			return answeredAt;
		}
		long alongside = -1;
		Iterator<long[]> newestFirst = this.quick.descendingIterator();
		while (newestFirst.hasNext()) {
			long[] call = newestFirst.next();
			if (call[0] + call[1] < sentAt) {
				// answered before the slow call was sent, and so is every older one
				break;
			}
			if (call[0] <= answeredAt) {
				alongside = Math.max(alongside, call[1]);
			}
		}
		long longest = (alongside >= 0) ? alongside : recentLongest();
		// twice: one round trip measured 8 × 429 at a load of 16 on two cores
		long allowance = Math.max(floor, 2 * longest + 1);
		return sentAt + Math.min(took, allowance);
	}

	/** Whether any quick call has been measured. */
	boolean measured() {
		return !this.quick.isEmpty();
	}

	/** The longest of the recent quick round trips (ms), for metrics and tests. */
	long recentLongest() {
		long longest = 0;
		int seen = 0;
		Iterator<long[]> newestFirst = this.quick.descendingIterator();
		while (newestFirst.hasNext() && seen++ < RECENT) {
			longest = Math.max(longest, newestFirst.next()[1]);
		}
		return longest;
	}

}
