package dev.ftbridge.cli;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Command ids for a bulk batch, derived from the idempotency seed, the template and the
 * row's values: publishing the same rows again with the same seed gives the same ids, so
 * the bridge answers them {@code DUPLICATE} instead of running them twice. Row order does
 * not matter (a row inserted in the middle does not shift the ids of the others), a
 * changed row or template gives new ids, and so does another seed. Values from the
 * environment ({@code {{env.NAME}}}, typically secrets) take part by name only.
 */
final class BatchIds {

	private final String seed;

	private final String template;

	BatchIds(String seed, CommandTemplate template) {
		this.seed = seed;
		this.template = template.canonical();
	}

	/**
	 * The id of the command rendered from these values.
	 * @param values every placeholder's value, environment values left out
	 */
	String id(Map<String, String> values) {
		StringBuilder name = new StringBuilder("ftbridge-bulk/1");
		append(name, this.seed);
		append(name, this.template);
		new TreeMap<>(values).forEach((placeholder, value) -> {
			append(name, placeholder);
			append(name, value);
		});
		return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** Length-prefixed, so that no two lists of parts give the same text. */
	private static void append(StringBuilder name, String part) {
		name.append('\n').append(part.length()).append(':').append(part);
	}

}
