package dev.ftbridge.command.handlers;

import java.time.Clock;
import java.time.Instant;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * What every handler shares: its type, the port to Fivetran, the clock and the results.
 */
abstract class FivetranHandler implements CommandHandler {

	/** The id put into the requests a handler declares. */
	static final String ID = "id";

	private final CommandType type;

	final FivetranPort fivetran;

	final Clock clock;

	final int pageSize;

	FivetranHandler(CommandType type, HandlerContext context) {
		this.type = type;
		this.fivetran = context.fivetran();
		this.clock = context.clock();
		this.pageSize = context.pageSize();
	}

	@Override
	public final CommandType type() {
		return this.type;
	}

	Instant now() {
		return this.clock.instant();
	}

	/**
	 * Fivetran did it: {@code ACCEPTED} when {@link #async()}, else {@code SUCCEEDED}.
	 */
	CommandResult.Builder succeeded(Command command, Instant started, FivetranResponse response) {
		return Results.succeeded(command, started, response, async());
	}

	/** Fivetran did not do it, or the bridge cannot tell. */
	Execution failed(Command command, Instant started, FivetranRequest request, FivetranException ex) {
		return Execution.of(Results.failed(command, started, request, ex).build(now()));
	}

}
