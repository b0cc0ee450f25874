package dev.ftbridge.command.handlers;

import dev.ftbridge.fivetran.ConnectionDetails;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * A costly command was started and the bridge stopped before writing its result. Before
 * anything is sent again, Fivetran is asked what happened since the command started: a
 * sync that began or ended, a transformation run that started. Where Fivetran's state
 * cannot tell, the result is {@code OUTCOME_UNKNOWN} with what is known — never a second
 * call. (Creates are reconciled by their handlers: they look the resource up.)
 */
class Reconciliation {

	private final FivetranPort fivetran;

	private final Clock clock;

	Reconciliation(HandlerContext context) {
		this.fivetran = context.fivetran();
		this.clock = context.clock();
	}

	/** A sync, resync or tables resync. */
	Execution sync(Command command, Instant startedAt, Instant now) {
		try {
			FivetranResponse details = this.fivetran
				.execute(FivetranRequests.connectionDetails(command.text("connection_id")));
			ConnectionDetails connection = details.connection();
			Instant succeeded = connection.succeededAt();
			Instant failed = connection.failedAt();
			boolean syncing = connection.syncState("syncing");
			// The end is left to the pending operation (it may exist already, recorded
			// before the crash, and must not end twice): it reads the same details.
			if (syncing) {
				return Execution.of(result(command, Outcome.ACCEPTED, now, details,
						"a sync is running since the command started (" + startedAt + "); not sent again"));
			}
			if (after(succeeded, startedAt) || after(failed, startedAt)) {
				return Execution.of(result(command, Outcome.ACCEPTED, now, details,
						"a sync ended at " + (after(failed, succeeded) ? failed : succeeded)
								+ ", after the command started; not sent again, its outcome follows"));
			}
			return Execution.of(unknown(command, now, "no sync started or ended at Fivetran since the command started ("
					+ startedAt + "); it is not sent again, since that could repeat a costly sync"));
		}
		catch (FivetranException ex) {
			return Execution.of(unknown(command, now, "Fivetran could not be asked what happened: " + ex.getMessage()));
		}
	}

	/**
	 * A delete: if the connection is gone, the delete landed before the restart
	 * (SUCCEEDED, not sent again); if it is still there, it is deleted now.
	 */
	Execution delete(Command command, Instant startedAt, Instant now, Supplier<Execution> again) {
		try {
			this.fivetran.execute(FivetranRequests.connectionDetails(command.text("connection_id")));
			return again.get();
		}
		catch (FivetranException ex) {
			if (ex.notFound()) {
				return Execution.of(Results.start(command, Outcome.SUCCEEDED, now)
					.reason("reconciled after a restart: the connection no longer exists — deleted after the command "
							+ "started (" + startedAt + "); not sent again")
					.build(this.clock.instant()));
			}
			return Execution.of(unknown(command, now, "Fivetran could not be asked what happened: " + ex.getMessage()));
		}
	}

	/** A transformation run. */
	Execution run(Command command, Instant startedAt, Instant now) {
		try {
			FivetranResponse details = this.fivetran
				.execute(FivetranRequests.transformationDetails(command.text("transformation_id")));
			Instant lastStarted = details.transformation().lastStartedAt();
			if (after(lastStarted, startedAt)) {
				return Execution.of(result(command, Outcome.ACCEPTED, now, details,
						"a run started at " + lastStarted + ", after the command started; not sent again"));
			}
			return Execution.of(unknown(command, now, "no run started since the command started (" + startedAt
					+ "); it is not sent again, since that could repeat a run"));
		}
		catch (FivetranException ex) {
			return Execution.of(unknown(command, now, "Fivetran could not be asked what happened: " + ex.getMessage()));
		}
	}

	private CommandResult result(Command command, Outcome outcome, Instant now, FivetranResponse details,
			String reason) {
		return Results.start(command, outcome, now)
			.attempts(details.attempts())
			.response(Results.summary(details.data()))
			.reason("reconciled after a restart: " + reason)
			.build(this.clock.instant());
	}

	private CommandResult unknown(Command command, Instant now, String reason) {
		return Results.start(command, Outcome.OUTCOME_UNKNOWN, now)
			.reason("reconciled after a restart: " + reason)
			.retryable(false)
			.build(this.clock.instant());
	}

	private static boolean after(Instant instant, Instant than) {
		return instant != null && than != null && instant.isAfter(than);
	}

}
