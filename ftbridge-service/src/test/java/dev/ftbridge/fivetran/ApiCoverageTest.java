package dev.ftbridge.fivetran;

import dev.ftbridge.contract.CommandType;
import dev.ftbridge.support.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Computes, per OpenAPI tag of Fivetran's definition, how many operations there are, how
 * many {@link FivetranRequests} builds (mapped as {@link FivetranRequestsOpenApiTest}
 * does) and which commands use them (read from the handlers' source), and checks that
 * README's "Fivetran API coverage" table says the same, so the table cannot go stale.
 */
class ApiCoverageTest {

	private static final String HEADING = "## Fivetran API coverage";

	private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

	private static final Path SOURCES = ProjectFiles.path("ftbridge-service/src/main/java/dev/ftbridge");

	private static final Pattern FACTORY_CALL = Pattern.compile("FivetranRequests\\.(\\w+)\\(");

	private static final Pattern COMMAND_TYPE = Pattern.compile("CommandType\\.([A-Z_]+)");

	private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|(?m)^\\s*//.*$", Pattern.DOTALL);

	private static final Pattern INVOCATION = Pattern.compile("\\b(\\w+)\\s*\\(|::(\\w+)");

	private static final Pattern EXTENDS = Pattern.compile("\\bextends\\s+(\\w+)");

	@BeforeAll
	static void readOpenApiDefinition() throws IOException {
		FivetranRequestsOpenApiTest.readOpenApiDefinition();
	}

	@Test
	void readmeCoverageTableMatchesTheCode() throws IOException {
		Assumptions.assumeTrue(FivetranRequestsOpenApiTest.spec != null,
				"Fivetran's OpenAPI definition not found at "
						+ FivetranRequestsOpenApiTest.location().toAbsolutePath().normalize()
						+ " (set FIVETRAN_OPENAPI to its path); skipping");
		List<String> computed = table();
		System.out.println("Fivetran API coverage, computed:\n" + String.join("\n", computed));
		assertThat(readmeTable()).as("README's %s table (the computed one is printed above)", HEADING)
			.containsExactlyElementsOf(computed.stream().map(ApiCoverageTest::cells).toList());
	}

	/** The table's rows, header first, one family per OpenAPI tag, then the total. */
	private static List<String> table() throws IOException {
		Map<String, Set<String>> defined = new TreeMap<>();
		Map<String, String> tagOf = new HashMap<>();
		FivetranRequestsOpenApiTest.spec.path("paths").properties().forEach((path) -> {
			for (String method : METHODS) {
				JsonNode operation = path.getValue().path(method);
				if (operation.isObject()) {
					String tag = operation.path("tags").path(0).asString("(untagged)");
					String key = method + " " + path.getKey();
					defined.computeIfAbsent(tag, (t) -> new TreeSet<>()).add(key);
					tagOf.put(key, tag);
				}
			}
		});
		Map<String, Set<String>> users = factoryUsers();
		Map<String, Set<String>> called = new TreeMap<>();
		Map<String, Set<String>> usedBy = new TreeMap<>();
		FivetranRequestsOpenApiTest.factories().map(Named::getPayload).forEach((factory) -> {
			FivetranRequest request = FivetranRequestsOpenApiTest.request(factory);
			String tag = tagOf.get(request.method().name().toLowerCase(Locale.ROOT) + " " + request.pathTemplate());
			called.computeIfAbsent(tag, (t) -> new TreeSet<>()).add(request.method() + " " + request.pathTemplate());
			usedBy.computeIfAbsent(tag, (t) -> new TreeSet<>()).addAll(users.getOrDefault(factory.getName(), Set.of()));
		});
		List<String> rows = new ArrayList<>();
		rows.add("| Family (OpenAPI tag) | Operations | Called by the bridge | Used by |");
		rows.add("|---|---|---|---|");
		int totalDefined = 0;
		int totalCalled = 0;
		for (Map.Entry<String, Set<String>> family : defined.entrySet()) {
			int calls = called.getOrDefault(family.getKey(), Set.of()).size();
			Set<String> by = usedBy.getOrDefault(family.getKey(), Set.of());
			rows.add("| " + family.getKey() + " | " + family.getValue().size() + " | " + calls + " | "
					+ (by.isEmpty() ? "" : String.join(", ", by)) + " |");
			totalDefined += family.getValue().size();
			totalCalled += calls;
		}
		rows.add("| All | " + totalDefined + " | " + totalCalled + " | |");
		return rows;
	}

	/**
	 * Factory name → who calls it: the commands (without {@code fivetran.}) whose handler
	 * reaches the call, or the class name for callers outside the handlers package.
	 */
	private static Map<String, Set<String>> factoryUsers() throws IOException {
		Map<String, String> sources = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
				String relative = SOURCES.relativize(file).toString().replace('\\', '/');
				sources.put(relative.substring(0, relative.length() - ".java".length()), read(file));
			});
		}
		Map<String, Set<String>> users = new HashMap<>();
		Map<String, Map<String, String>> handlerPackage = new TreeMap<>();
		sources.forEach((name, source) -> {
			if (name.startsWith("command/handlers/")) {
				handlerPackage.put(name.substring("command/handlers/".length()), members(source));
			}
			else {
				String simpleName = name.substring(name.lastIndexOf('/') + 1);
				calls(source).forEach((call) -> users.computeIfAbsent(call, (c) -> new TreeSet<>()).add(simpleName));
			}
		});
		handlerPackage.forEach((name, members) -> {
			Matcher type = COMMAND_TYPE.matcher(String.join("\n", members.values()));
			if (name.endsWith("Handler") && type.find()) {
				String command = CommandType.valueOf(type.group(1)).type().replaceFirst("^fivetran\\.", "");
				for (String body : reachable(name, handlerPackage)) {
					calls(body).forEach((call) -> users.computeIfAbsent(call, (c) -> new TreeSet<>()).add(command));
				}
			}
		});
		return users;
	}

	/**
	 * The bodies a handler class reaches: all its own members and its superclasses',
	 * then, transitively, each member of a class of the handlers package named in a
	 * reached body (or its own class) whose method name is called there. Method-level, so
	 * a handler that uses one lookup of a helper is not credited with the helper's other
	 * lookups.
	 */
	private static Set<String> reachable(String handler, Map<String, Map<String, String>> classes) {
		Set<String> seen = new LinkedHashSet<>();
		Deque<String[]> queue = new ArrayDeque<>();
		for (String type = handler; type != null && classes.containsKey(type); type = superclass(classes.get(type))) {
			for (Map.Entry<String, String> member : classes.get(type).entrySet()) {
				queue.add(new String[] { type, member.getKey() });
			}
		}
		while (!queue.isEmpty()) {
			String[] unit = queue.pop();
			String body = classes.get(unit[0]).get(unit[1]);
			if (!seen.add(unit[0] + "#" + unit[1])) {
				continue;
			}
			Set<String> invoked = new TreeSet<>();
			Matcher call = INVOCATION.matcher(body);
			while (call.find()) {
				invoked.add((call.group(1) != null) ? call.group(1) : call.group(2));
			}
			for (Map.Entry<String, Map<String, String>> other : classes.entrySet()) {
				boolean named = other.getKey().equals(unit[0])
						|| Pattern.compile("\\b" + other.getKey() + "\\b").matcher(lineage(unit[0], classes)).find();
				if (named) {
					other.getValue()
						.keySet()
						.stream()
						.filter((member) -> invoked.contains(member.replaceFirst("#.*", "")))
						.forEach((member) -> queue.add(new String[] { other.getKey(), member }));
				}
			}
		}
		Set<String> bodies = new LinkedHashSet<>();
		seen.forEach((key) -> {
			String[] unit = key.split("#", 2);
			bodies.add(classes.get(unit[0]).get(unit[1]));
		});
		return bodies;
	}

	private static String superclass(Map<String, String> members) {
		Matcher matcher = EXTENDS.matcher(members.getOrDefault("#header", ""));
		return matcher.find() ? matcher.group(1) : null;
	}

	/** The class's source and its superclasses' within the handlers package. */
	private static String lineage(String type, Map<String, Map<String, String>> classes) {
		StringBuilder text = new StringBuilder();
		for (String t = type; t != null && classes.containsKey(t); t = superclass(classes.get(t))) {
			classes.get(t).values().forEach(text::append);
		}
		return text.toString();
	}

	/**
	 * A class's source split into its top-level members, keyed by method name plus a
	 * counter ({@code "#header"} for what precedes the class body). Braces inside strings
	 * are not special-cased; the handlers have none that are unbalanced.
	 */
	private static Map<String, String> members(String source) {
		Map<String, String> members = new TreeMap<>();
		int open = source.indexOf('{');
		members.put("#header", (open < 0) ? source : source.substring(0, open));
		int depth = 0;
		StringBuilder member = new StringBuilder();
		for (int i = Math.max(open, 0) + 1; i < source.length(); i++) {
			char c = source.charAt(i);
			member.append(c);
			if (c == '{') {
				depth++;
			}
			else if (c == '}') {
				depth--;
			}
			if (depth == 0 && (c == '}' || c == ';')) {
				String text = member.toString();
				Matcher name = Pattern.compile("(\\w+)\\s*\\(").matcher(text);
				int assignment = text.indexOf('=');
				boolean method = name.find() && (assignment < 0 || name.start() < assignment);
				String key = method ? name.group(1) : "field";
				members.put(key + "#" + members.size(), text);
				member.setLength(0);
			}
			if (depth < 0) {
				break;
			}
		}
		return members;
	}

	private static Set<String> calls(String source) {
		Set<String> calls = new TreeSet<>();
		Matcher matcher = FACTORY_CALL.matcher(source);
		while (matcher.find()) {
			calls.add(matcher.group(1));
		}
		return calls;
	}

	private static String read(Path file) {
		try {
			return COMMENT.matcher(Files.readString(file)).replaceAll("");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The table under README's heading, each row as its trimmed cells. */
	private static List<List<String>> readmeTable() throws IOException {
		List<String> lines = Files.readAllLines(ProjectFiles.path("README.md"));
		int start = lines.indexOf(HEADING);
		assertThat(start).as("README has a %s section", HEADING).isNotNegative();
		List<List<String>> rows = new ArrayList<>();
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("## ")) {
				break;
			}
			if (line.startsWith("|")) {
				rows.add(cells(line));
			}
		}
		return rows;
	}

	private static List<String> cells(String row) {
		String inner = row.trim().replaceAll("^\\||\\|$", "");
		return Arrays.stream(inner.split("\\|", -1))
			.map(String::trim)
			.map((cell) -> cell.replace("`", ""))
			.map((cell) -> cell.matches(":?-+:?") ? "---" : cell)
			.toList();
	}

}
