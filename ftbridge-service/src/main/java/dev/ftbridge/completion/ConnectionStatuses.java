package dev.ftbridge.completion;

import java.time.Instant;

import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.fivetran.ConnectionDetails;

/**
 * A connection's status event from what Fivetran's connection details show ({@code GET
 * /v1/connections/{id}}, a setup test's answer, or an item of a connection list).
 */
public final class ConnectionStatuses {

	private ConnectionStatuses() {
	}

	/** The status {@code details} show, with no webhook fields. */
	public static ConnectionStatusObserved observed(String connectionId, ConnectionDetails details, String source,
			String commandId, Instant observedAt) {
		ConnectionDetails.Status status = details.status();
		return new ConnectionStatusObserved(connectionId, source, observedAt, details.groupId(), details.service(),
				details.schema(), details.paused(), details.scheduleType(), details.syncFrequency(),
				status.setupState(), status.syncState(), status.updateState(), status.isHistoricalSync(),
				text(status.rescheduledFor()), text(details.succeededAt()), text(details.failedAt()), commandId);
	}

	/** A timestamp in the event's ISO-8601 UTC form. */
	private static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
