package dev.ftbridge.completion;

import java.time.Instant;

import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.contract.TransformationStatusObserved;
import dev.ftbridge.fivetran.ConnectionDetails;
import dev.ftbridge.fivetran.TransformationState;

/** Status events from what a poll read, with source {@code poll}. */
final class PolledStatuses {

	private static final String SOURCE = "poll";

	private PolledStatuses() {
	}

	static ConnectionStatusObserved connection(String connectionId, ConnectionDetails details, String commandId,
			Instant observedAt) {
		return ConnectionStatuses.observed(connectionId, details, SOURCE, commandId, observedAt);
	}

	static TransformationStatusObserved transformation(String transformationId, TransformationState details,
			Instant observedAt, String account) {
		return new TransformationStatusObserved(transformationId, SOURCE, observedAt, null, details.status(), null,
				time(details.lastStartedAt()), time(details.lastEndedAt()), account);
	}

	/** A timestamp in the event's own form. */
	private static String time(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
