/**
 * Outbound: the published contract. Result and status events as CloudEvents in structured
 * mode, the topic names, and the one publisher that writes them and waits for the
 * broker's acknowledgement.
 */
package dev.ftbridge.events;
