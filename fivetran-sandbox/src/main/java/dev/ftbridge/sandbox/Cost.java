package dev.ftbridge.sandbox;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a request costs: the rate-limit budgets it counts against
 * (https://fivetran.com/docs/rest-api/rate-limiting) and the latency class it gets.
 */
enum Cost {

	/** Details and lists: all requests only. */
	READ(Budget.REQUESTS),

	/** Creates, updates, deletes, sync triggers: all requests only. */
	WRITE(Budget.REQUESTS),

	/**
	 * Create/update with {@code run_setup_tests}, {@code /test}: setup test, source
	 * interaction and all requests.
	 */
	SETUP_TEST(Budget.REQUESTS, Budget.SETUP_TESTS, Budget.SOURCE_INTERACTIONS),

	/** Schema reload, source columns: source interaction and all requests. */
	SOURCE_INTERACTION(Budget.REQUESTS, Budget.SOURCE_INTERACTIONS),

	/** User invitations: user creation and all requests. */
	USER_CREATION(Budget.REQUESTS, Budget.USER_CREATIONS);

	private final Set<Budget> budgets;

	Cost(Budget first, Budget... rest) {
		this.budgets = EnumSet.of(first, rest);
	}

	Set<Budget> budgets() {
		return this.budgets;
	}

	/** A rate-limit budget of the account. */
	enum Budget {

		REQUESTS("requests"), SETUP_TESTS("setup test requests"), SOURCE_INTERACTIONS("source interaction requests"),
		USER_CREATIONS("user creations");

		private final String description;

		Budget(String description) {
			this.description = description;
		}

		String description() {
			return this.description;
		}

	}

}
