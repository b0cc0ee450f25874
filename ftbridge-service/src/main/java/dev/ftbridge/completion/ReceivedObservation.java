package dev.ftbridge.completion;

import java.time.Instant;

/**
 * A webhook event that may end an operation, and when the bridge received it.
 *
 * @param observation the event
 * @param receivedAt when it was received
 */
public record ReceivedObservation(Observation observation, Instant receivedAt) {

}
