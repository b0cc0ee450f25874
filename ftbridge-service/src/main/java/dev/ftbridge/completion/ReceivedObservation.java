package dev.ftbridge.completion;

import java.time.Instant;

/**
 * A webhook event that may end an operation, when the bridge received it and for which
 * Fivetran account. Operations are matched by connection or transformation id alone
 * (unique across accounts at Fivetran); the account is carried for whoever wants to check
 * it.
 *
 * @param observation the event
 * @param receivedAt when it was received
 * @param account the account whose webhook it was ({@code default} for the single-account
 * settings)
 */
public record ReceivedObservation(Observation observation, Instant receivedAt, String account) {

	/** An observation of the account {@code default}. */
	public ReceivedObservation(Observation observation, Instant receivedAt) {
		this(observation, receivedAt, "default");
	}

}
