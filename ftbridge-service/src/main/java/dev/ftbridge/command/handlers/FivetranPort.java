package dev.ftbridge.command.handlers;

import dev.ftbridge.contract.AccountName;
import dev.ftbridge.fivetran.FivetranClient;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * What a handler may ask of Fivetran: send one request, or read every page of a list. The
 * bridge's implementation rides out outages; tests use an in-memory fake.
 */
public interface FivetranPort {

	/**
	 * Sends one request.
	 * @throws FivetranException when Fivetran refused it or could not be reached
	 */
	FivetranResponse execute(FivetranRequest request);

	/**
	 * Reads every page of a list request.
	 * @throws FivetranException when a page could not be read
	 */
	FivetranClient.Items listAll(FivetranRequest request);

	/**
	 * The Fivetran account calls go to now (the running command's); what a handler
	 * remembers from Fivetran is kept per account.
	 */
	default String account() {
		return AccountName.DEFAULT;
	}

}
