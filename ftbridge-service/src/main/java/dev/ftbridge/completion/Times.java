package dev.ftbridge.completion;

import java.time.Instant;

/**
 * Fivetran's timestamps as instants (read by {@link dev.ftbridge.fivetran.FivetranTime}):
 * compared as points in time, never as strings; a missing or unreadable one is "never".
 */
final class Times {

	private Times() {
	}

	/** Whether {@code time} is known and later than {@code than}. */
	static boolean after(Instant time, Instant than) {
		return time != null && time.isAfter(than);
	}

}
