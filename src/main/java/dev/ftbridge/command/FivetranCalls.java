package dev.ftbridge.command;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ftbridge.command.handlers.FivetranPort;
import dev.ftbridge.fivetran.FivetranAvailability;
import dev.ftbridge.fivetran.FivetranClient;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * Calls Fivetran for a command, riding out outages: while Fivetran is unavailable
 * (circuit open, credentials refused) the call waits and is sent again, so no command
 * fails or is dead-lettered because Fivetran is down. A failure that might have applied a
 * non-idempotent effect is never sent again here; it is the caller's to report.
 */
class FivetranCalls implements FivetranPort {

	private static final Logger log = LoggerFactory.getLogger(FivetranCalls.class);

	/** Rounds of retries while Fivetran looks available but keeps failing one call. */
	private static final int ROUNDS_WHILE_AVAILABLE = 3;

	private final FivetranClient fivetran;

	private final FivetranAvailability availability;

	private final Duration roundBackoff;

	FivetranCalls(FivetranClient fivetran, FivetranAvailability availability, Duration roundBackoff) {
		this.fivetran = fivetran;
		this.availability = availability;
		this.roundBackoff = roundBackoff;
	}

	@Override
	public FivetranResponse execute(FivetranRequest request) {
		return ride(request, () -> this.fivetran.execute(request));
	}

	@Override
	public FivetranClient.Items listAll(FivetranRequest request) {
		return ride(request, () -> this.fivetran.listAll(request));
	}

	private <T> T ride(FivetranRequest request, Supplier<T> call) {
		int rounds = 0;
		while (true) {
			try {
				return call.get();
			}
			catch (FivetranException ex) {
				if (Thread.currentThread().isInterrupted() && !ex.ambiguous()) {
					throw new CommandInterrupted(
							"stopping: " + request.method() + " " + request.pathTemplate() + " was not sent", ex);
				}
				if (!isOutage(request, ex)) {
					throw ex;
				}
				if (this.availability.available() && ++rounds >= ROUNDS_WHILE_AVAILABLE) {
					throw ex;
				}
				waitForFivetran(request, ex);
			}
		}
	}

	private void waitForFivetran(FivetranRequest request, FivetranException cause) {
		try {
			if (this.availability.available()) {
				Thread.sleep(this.roundBackoff.toMillis());
			}
			else {
				log.info("Fivetran unavailable; {} {} waits ({})", request.method(), request.pathTemplate(),
						cause.getMessage());
				this.availability.awaitAvailable(Duration.ofMillis(200));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommandInterrupted(
					"stopping: " + request.method() + " " + request.pathTemplate() + " was not sent again", cause);
		}
	}

	/**
	 * An outage rather than an answer: Fivetran was unreachable or failing and the call
	 * can safely go again, or the credentials were refused (an operator problem).
	 */
	private static boolean isOutage(FivetranRequest request, FivetranException ex) {
		if (ex instanceof FivetranException.Unauthorized) {
			return true;
		}
		return ex instanceof FivetranException.Unavailable && (request.idempotent() || !ex.ambiguous());
	}

}
