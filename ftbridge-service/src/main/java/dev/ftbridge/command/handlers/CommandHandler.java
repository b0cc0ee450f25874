package dev.ftbridge.command.handlers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.EndpointClass;
import dev.ftbridge.fivetran.FivetranRequest;

/**
 * Everything the bridge knows about one command type: the Fivetran requests it sends,
 * whether Fivetran finishes it later, whether running it twice would cost something, how
 * it is carried out and how it is reconciled after a crash. One bean per type;
 * {@link CommandHandlers} checks there is exactly one.
 */
public interface CommandHandler {

	/** The command type it carries out. */
	CommandType type();

	/**
	 * Every kind of request it may send, built with placeholder ids (only method and path
	 * template matter).
	 */
	List<FivetranRequest> requests();

	/**
	 * The scarce budget (setup tests, source interaction, user creation) a command of
	 * this type may wait for, or empty when it needs only the request budget. Commands
	 * that may wait for a scarce budget run on workers of their own, one pool per budget,
	 * so that while they wait they cannot hold the workers request-only commands need.
	 * Derived from {@link #requests()}, the declaration the OpenAPI test checks, so the
	 * two cannot drift apart.
	 */
	default Optional<EndpointClass> scarceBudget() {
		return EndpointClass.scarcest(requests());
	}

	/**
	 * Whether Fivetran finishes the work later: the first result is {@code ACCEPTED} and
	 * a pending operation waits for the end.
	 */
	default boolean async() {
		return false;
	}

	/**
	 * Whether running it twice would repeat a costly effect or misreport one. Such a
	 * command is marked started before Fivetran is called, and a mark with no result is
	 * {@linkplain #reconcile reconciled} instead of run again.
	 */
	default boolean costlyToRepeat(Command command) {
		return false;
	}

	/** Carries out a validated command and says what happened. */
	Execution execute(Command command);

	/**
	 * The command was marked started at {@code startedAt} and the bridge stopped before
	 * its result: find out from Fivetran what happened instead of sending it blindly
	 * again. A command that is not costly to repeat simply runs again.
	 */
	default Execution reconcile(Command command, Instant startedAt) {
		return execute(command);
	}

}
