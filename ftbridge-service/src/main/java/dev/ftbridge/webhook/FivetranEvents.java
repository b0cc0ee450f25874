package dev.ftbridge.webhook;

import java.util.Set;

/**
 * The webhook event names the bridge acts on, in one place: Fivetran documents some of
 * them only loosely (https://fivetran.com/docs/rest-api/webhooks marks the
 * {@code transformation_run_*} names deprecated and names no successor), and the
 * transformation names have changed before.
 */
final class FivetranEvents {

	static final String SYNC_START = "sync_start";

	static final String SYNC_END = "sync_end";

	static final String PAUSE_CONNECTOR = "pause_connector";

	static final String RESUME_CONNECTOR = "resume_connector";

	/** Sent when a webhook is created or activated; about no real connection. */
	static final String TEST_EVENT = "test_event";

	/** A transformation run started (current and newer names). */
	static final Set<String> RUN_STARTED = Set.of("transformation_run_start", "transformation_start");

	/** A transformation run succeeded. */
	static final Set<String> RUN_SUCCEEDED = Set.of("transformation_run_succeeded", "transformation_succeeded");

	/** A transformation run failed. */
	static final Set<String> RUN_FAILED = Set.of("transformation_run_failed", "transformation_failed");

	private FivetranEvents() {
	}

	static boolean isTransformationEvent(String event) {
		return RUN_STARTED.contains(event) || RUN_SUCCEEDED.contains(event) || RUN_FAILED.contains(event);
	}

}
