package dev.ftbridge.fivetran;

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
	USER_CREATION

}
