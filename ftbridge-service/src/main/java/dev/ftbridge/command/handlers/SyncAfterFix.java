package dev.ftbridge.command.handlers;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * {@code sync_after_fix} of a setup test or a heal: once a connection's setup tests pass,
 * a sync is started ({@code force: false}, as {@code fivetran.connection.sync} without
 * force: Fivetran starts one only when none runs, so it is safe to repeat) and its result
 * is {@code ACCEPTED} for that connection, so that the pending operation follows the sync
 * to its end like any other.
 */
final class SyncAfterFix {

	private SyncAfterFix() {
	}

	/** Whether the command asks for a sync once the tests pass. */
	static boolean asked(Command command) {
		return command.data().path("sync_after_fix").asBoolean(false);
	}

	/**
	 * Starts the connection's sync: {@code ACCEPTED} for that connection (the setup
	 * tests' answer as its response), or the sync request's failure.
	 * @param attempts the Fivetran calls made for the connection so far
	 */
	static CommandResult.Builder start(FivetranPort fivetran, Command command, Instant started, String connectionId,
			JsonNode tested, int attempts) {
		FivetranRequest sync = FivetranRequests.syncConnection(connectionId, false);
		try {
			FivetranResponse response = fivetran.execute(sync);
			return Results.start(command, Outcome.ACCEPTED, started)
				.resourceId(connectionId)
				.connectionId(connectionId)
				.attempts(attempts + response.attempts())
				.response(tested)
				.reason("the setup tests passed; a sync was started and is followed to its end");
		}
		catch (FivetranException ex) {
			return Results.failed(command, started, sync, ex)
				.resourceId(connectionId)
				.connectionId(connectionId)
				.response(tested)
				.attempts(attempts + ex.attempts())
				.reason("the setup tests passed, but the sync was not started: " + ex.getMessage());
		}
	}

}
