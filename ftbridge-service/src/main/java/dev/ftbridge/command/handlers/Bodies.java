package dev.ftbridge.command.handlers;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Request bodies made from a command's {@code data}. */
final class Bodies {

	private Bodies() {
	}

	/** A copy of {@code data} without the fields that went into the path. */
	static ObjectNode without(ObjectNode data, String... fields) {
		ObjectNode body = data.deepCopy();
		for (String field : fields) {
			body.remove(field);
		}
		return body;
	}

	/** An empty body, for the requests a handler declares. */
	static ObjectNode empty() {
		return JsonNodeFactory.instance.objectNode();
	}

}
