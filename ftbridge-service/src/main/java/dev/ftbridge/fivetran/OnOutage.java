package dev.ftbridge.fivetran;

/**
 * What a call to Fivetran does when a round of attempts ends in an outage (see
 * {@link RetryPolicy}).
 */
public enum OnOutage {

	/** Give up: background lookups try again on their own schedule. */
	GIVE_UP,

	/** Wait for Fivetran and start a new round: commands never fail for an outage. */
	WAIT

}
