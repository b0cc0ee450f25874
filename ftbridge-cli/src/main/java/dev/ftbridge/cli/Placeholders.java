package dev.ftbridge.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Finds and fills {@code {{name}}} and {@code {{name:type}}} in the strings of JSON. */
final class Placeholders {

	private static final Pattern PLACEHOLDER = Pattern
		.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*(?::\\s*([A-Za-z]+)\\s*)?}}");

	private static final Set<String> TYPES = Set.of("string", "number", "boolean");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private Placeholders() {
	}

	/**
	 * Calls back with every string in the tree and its path ({@code data.config.port}).
	 */
	static void walk(JsonNode node, String path, BiConsumer<String, String> strings) {
		if (node.isObject()) {
			node.properties().forEach((field) -> walk(field.getValue(), join(path, field.getKey()), strings));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				walk(node.get(i), path + "[" + i + "]", strings);
			}
		}
		else if (node.isString()) {
			strings.accept(path, node.asString());
		}
	}

	/** The placeholder names in a string; a malformed one is a {@link CliException}. */
	static List<String> names(String text, String path) {
		List<String> names = new ArrayList<>();
		StringBuilder rest = new StringBuilder();
		Matcher matcher = PLACEHOLDER.matcher(text);
		int end = 0;
		while (matcher.find()) {
			String type = matcher.group(2);
			if (type != null && !TYPES.contains(type)) {
				throw CliException.badInput("unknown placeholder type '" + type + "' in " + matcher.group() + " at "
						+ path + " (use string, number or boolean)");
			}
			if (type != null && !type.equals("string") && !matcher.group().equals(text)) {
				throw CliException.badInput(matcher.group() + " at " + path + " must be the whole string");
			}
			names.add(matcher.group(1));
			rest.append(text, end, matcher.start());
			end = matcher.end();
		}
		rest.append(text.substring(end));
		if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
			throw CliException.badInput("malformed placeholder in \"" + text + "\" at " + path
					+ "; write {{column}}, {{column:number}} or {{column:boolean}}");
		}
		return names;
	}

	/** A copy of the tree with every placeholder replaced by its value. */
	static JsonNode replace(JsonNode node, String path, Function<String, String> values) {
		if (node.isObject()) {
			ObjectNode copy = NODES.objectNode();
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				copy.set(field.getKey(), replace(field.getValue(), join(path, field.getKey()), values));
			}
			return copy;
		}
		if (node.isArray()) {
			ArrayNode copy = NODES.arrayNode();
			for (int i = 0; i < node.size(); i++) {
				copy.add(replace(node.get(i), path + "[" + i + "]", values));
			}
			return copy;
		}
		return node.isString() ? fill(node.asString(), path, values) : node;
	}

	private static JsonNode fill(String text, String path, Function<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		if (matcher.matches() && matcher.group(2) != null && !matcher.group(2).equals("string")) {
			return typed(matcher.group(), matcher.group(2), values.apply(matcher.group(1)), path);
		}
		StringBuilder filled = new StringBuilder();
		matcher.reset();
		while (matcher.find()) {
			matcher.appendReplacement(filled, Matcher.quoteReplacement(values.apply(matcher.group(1))));
		}
		matcher.appendTail(filled);
		return NODES.stringNode(filled.toString());
	}

	private static JsonNode typed(String placeholder, String type, String value, String path) {
		if (type.equals("boolean")) {
			String flag = value.toLowerCase(Locale.ROOT);
			if (!flag.equals("true") && !flag.equals("false")) {
				throw CliException
					.badInput("'" + value + "' for " + placeholder + " at " + path + " is not true or false");
			}
			return NODES.booleanNode(flag.equals("true"));
		}
		try {
			BigDecimal number = new BigDecimal(value);
			return (number.stripTrailingZeros().scale() <= 0) ? NODES.numberNode(number.toBigIntegerExact())
					: NODES.numberNode(number);
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw CliException.badInput("'" + value + "' for " + placeholder + " at " + path + " is not a number");
		}
	}

	private static String join(String path, String field) {
		return path.isEmpty() ? field : path + "." + field;
	}

}
