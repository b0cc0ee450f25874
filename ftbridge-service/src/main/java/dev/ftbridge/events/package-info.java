/**
 * Outbound: the published contract. Result and status events as CloudEvents in structured
 * mode, their topics, and the one publisher that writes them and waits for the broker's
 * acknowledgement (through the producer every writer of the bridge shares).
 */
package dev.ftbridge.events;
