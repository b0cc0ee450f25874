package dev.ftbridge.completion;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ftbridge.fivetran.ConnectionDetails;
import dev.ftbridge.fivetran.FivetranAccounts;
import dev.ftbridge.fivetran.FivetranClient;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.Throttle;
import dev.ftbridge.fivetran.TransformationState;

/**
 * OperationCalls through a Fivetran account's client, below every command in the
 * throttle's order.
 */
class FivetranOperationCalls implements OperationCalls {

	private static final Logger log = LoggerFactory.getLogger(FivetranOperationCalls.class);

	private final FivetranAccounts accounts;

	private final FivetranClient fivetran;

	/** Calls through the default account; {@link #account} picks another. */
	FivetranOperationCalls(FivetranAccounts accounts) {
		this(accounts, accounts.defaultAccount().client());
	}

	private FivetranOperationCalls(FivetranAccounts accounts, FivetranClient fivetran) {
		this.accounts = accounts;
		this.fivetran = fivetran;
	}

	/**
	 * The calls of an operation's account. An account no longer configured (removed while
	 * its operations were open) is called through as {@code default} would be: the error
	 * Fivetran returns ends the operation rather than leaving it open forever.
	 */
	@Override
	public OperationCalls account(String account) {
		if (!this.accounts.contains(account)) {
			log.warn("An open operation names the Fivetran account '{}', which is not configured; "
					+ "following it through 'default'", account);
			return new FivetranOperationCalls(this.accounts, this.accounts.defaultAccount().client());
		}
		return new FivetranOperationCalls(this.accounts, this.accounts.get(account).client());
	}

	@Override
	public ConnectionDetails connection(String connectionId) {
		return this.fivetran.execute(FivetranRequests.connectionDetails(connectionId), Throttle.Priority.BACKGROUND)
			.connection();
	}

	@Override
	public TransformationState transformation(String transformationId) {
		return this.fivetran
			.execute(FivetranRequests.transformationDetails(transformationId), Throttle.Priority.BACKGROUND)
			.transformation();
	}

	@Override
	public void triggerSync(String connectionId) {
		this.fivetran.execute(FivetranRequests.syncConnection(connectionId, false), Throttle.Priority.BACKGROUND);
	}

	@Override
	public void cancelTransformation(String transformationId) {
		this.fivetran.execute(FivetranRequests.cancelTransformation(transformationId), Throttle.Priority.BACKGROUND);
	}

}
