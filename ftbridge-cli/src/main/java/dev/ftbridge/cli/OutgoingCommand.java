package dev.ftbridge.cli;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
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
		return record(Set.of());
	}

	/**
	 * The same, with every string equal to one of the secrets shown as {@code ******}.
	 */
	String record(Set<String> secrets) {
		return this.key + "\t" + (secrets.isEmpty() ? this.event : mask(this.event.deepCopy(), secrets));
	}

	private static JsonNode mask(JsonNode node, Set<String> secrets) {
		if (node instanceof ObjectNode object) {
			for (String field : Set.copyOf(object.propertyNames())) {
				object.set(field, mask(object.get(field), secrets));
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				array.set(i, mask(array.get(i), secrets));
			}
		}
		return (node.isString() && secrets.contains(node.asString())) ? JsonNodeFactory.instance.stringNode("******")
				: node;
	}

	/** What was sent, for people and for {@code watch --ids-from}: id, type and key. */
	String summary() {
		return this.id + "\t" + this.type + "\t" + this.key;
	}

}
