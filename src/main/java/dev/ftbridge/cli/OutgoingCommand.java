package dev.ftbridge.cli;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.node.ObjectNode;

/**
 * A command the bridge will accept, ready to publish.
 *
 * @param id the CloudEvent id, the command's idempotency key
 * @param type the command type
 * @param key the record key: the resource the bridge orders the command by
 * @param event the structured-mode CloudEvent
 */
record OutgoingCommand(String id, String type, String key, ObjectNode event) {

	byte[] value() {
		return this.event.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Key and value, tab-separated (what a dry run prints; {@code kcat -K'\t'} reads it).
	 */
	String record() {
		return this.key + "\t" + this.event;
	}

	/** What was sent, for people and for {@code watch --ids-from}: id, type and key. */
	String summary() {
		return this.id + "\t" + this.type + "\t" + this.key;
	}

}
