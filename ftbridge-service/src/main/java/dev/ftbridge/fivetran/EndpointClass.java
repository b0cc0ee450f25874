package dev.ftbridge.fivetran;

import java.util.Collection;
import java.util.Optional;

/**
 * The rate-limit budgets Fivetran counts a call against. Every call counts as
 * {@link #REQUEST}; some count against more budgets too.
 */
public enum EndpointClass {

	/** Every request: 20,000 per hour on paid accounts. */
	REQUEST,

	/** Setup tests: create/update with {@code run_setup_tests}, {@code /test}. */
	SETUP_TEST,

	/** Source interaction: setup tests, schema reload, source columns. */
	SOURCE_INTERACTION,

	/** User creation. */
	USER_CREATION;

	/**
	 * The scarce budget (anything but {@link #REQUEST}) these calls may wait for, or
	 * empty when they count as requests only. A call counting against several takes the
	 * first in declaration order: a setup test is also a source interaction, and its own
	 * budget is the scarcer one.
	 */
	public static Optional<EndpointClass> scarcest(Collection<FivetranRequest> calls) {
		for (EndpointClass endpointClass : values()) {
			if (endpointClass != REQUEST && calls.stream().anyMatch((call) -> call.budgets().contains(endpointClass))) {
				return Optional.of(endpointClass);
			}
		}
		return Optional.empty();
	}

}
