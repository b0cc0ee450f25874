package dev.ftbridge.cli;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON merge patch (RFC 7386): objects merge, {@code null} removes, anything else
 * replaces.
 */
final class MergePatch {

	private MergePatch() {
	}

	/** The target with the patch applied; the target is not changed. */
	static JsonNode apply(JsonNode target, JsonNode patch) {
		if (patch == null || !patch.isObject()) {
			return patch;
		}
		ObjectNode result = (target != null && target.isObject()) ? ((ObjectNode) target).deepCopy()
				: JsonInput.JSON.createObjectNode();
		List<String> names = new ArrayList<>(patch.propertyNames());
		for (String name : names) {
			JsonNode value = patch.get(name);
			if (value.isNull()) {
				result.remove(name);
			}
			else {
				result.set(name, apply(result.get(name), value));
			}
		}
		return result;
	}

}
