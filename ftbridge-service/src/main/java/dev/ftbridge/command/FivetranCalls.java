package dev.ftbridge.command;

import dev.ftbridge.command.handlers.FivetranPort;
import dev.ftbridge.fivetran.FivetranAccounts;
import dev.ftbridge.fivetran.FivetranClient;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranResponse;
import dev.ftbridge.fivetran.OnOutage;
import dev.ftbridge.fivetran.Throttle;

/**
 * Calls Fivetran for a command. The client retries and rides out outages (its
 * {@code RetryPolicy}: while Fivetran is unavailable the call waits, so no command fails
 * or is dead-lettered because Fivetran is down); here a call cut short by a stop becomes
 * {@link CommandInterrupted}, so the command stays uncommitted for the next start. A
 * failure that might have applied a non-idempotent effect is the caller's to report.
 * Every call goes to the account of the command running on the thread
 * ({@link AccountRoute}), through that account's client, budgets and circuit.
 */
class FivetranCalls implements FivetranPort {

	private final FivetranAccounts accounts;

	private final AccountRoute route;

	FivetranCalls(FivetranAccounts accounts, AccountRoute route) {
		this.accounts = accounts;
		this.route = route;
	}

	@Override
	public String account() {
		return this.route.current();
	}

	private FivetranClient fivetran() {
		return this.accounts.get(this.route.current()).client();
	}

	@Override
	public FivetranResponse execute(FivetranRequest request) {
		try {
			return fivetran().execute(request, Throttle.Priority.COMMAND, OnOutage.WAIT);
		}
		catch (FivetranException ex) {
			throw interruptedOr(request, ex);
		}
	}

	@Override
	public FivetranClient.Items listAll(FivetranRequest request) {
		try {
			return fivetran().listAll(request, OnOutage.WAIT);
		}
		catch (FivetranException ex) {
			throw interruptedOr(request, ex);
		}
	}

	/**
	 * A stop, when the thread was interrupted and the request surely did not land (or
	 * repeating it is harmless); otherwise Fivetran's answer.
	 */
	private static RuntimeException interruptedOr(FivetranRequest request, FivetranException ex) {
		if (Thread.currentThread().isInterrupted() && (!ex.ambiguous() || request.idempotent())) {
			return new CommandInterrupted(
					"stopping: " + request.method() + " " + request.pathTemplate() + " was not sent again", ex);
		}
		return ex;
	}

}
