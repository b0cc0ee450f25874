package dev.ftbridge.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A path such as {@code /v1/connections/{connectionId}/sync}: literal segments and
 * {@code {variable}} segments that match any one segment.
 */
final class PathTemplate {

	private final String template;

	private final String[] segments;

	private final int literals;

	PathTemplate(String template) {
		this.template = template;
		this.segments = split(template);
		int count = 0;
		for (String segment : this.segments) {
			count += isVariable(segment) ? 0 : 1;
		}
		this.literals = count;
	}

	/** The path variables (decoded) when the raw path matches, else null. */
	Map<String, String> match(String rawPath) {
		String[] actual = split(rawPath);
		if (actual.length != this.segments.length) {
			return null;
		}
		Map<String, String> variables = new LinkedHashMap<>();
		for (int i = 0; i < actual.length; i++) {
			String value = decode(actual[i]);
			if (isVariable(this.segments[i])) {
				variables.put(this.segments[i].substring(1, this.segments[i].length() - 1), value);
			}
			else if (!this.segments[i].equals(value)) {
				return null;
			}
		}
		return variables;
	}

	/** How many literal segments: the more, the more specific. */
	int literals() {
		return this.literals;
	}

	@Override
	public String toString() {
		return this.template;
	}

	static String decode(String raw) {
		return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static boolean isVariable(String segment) {
		return segment.startsWith("{") && segment.endsWith("}");
	}

	private static String[] split(String path) {
		String trimmed = path.startsWith("/") ? path.substring(1) : path;
		return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
	}

}
