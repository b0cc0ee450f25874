package dev.ftbridge.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns every row of a CSV file into a checked command through a template, or fails
 * naming every bad row and why. It sends nothing: a batch is published whole or not at
 * all.
 */
final class BulkPlan {

	private static final String ENV = "env.";

	private static final int SHOWN_PROBLEMS = 20;

	private final CommandTemplate template;

	private final CommandFactory factory;

	private final BatchIds ids;

	private final Map<String, String> variables;

	private final Function<String, String> environment;

	private final Set<String> secrets = new HashSet<>();

	BulkPlan(CommandTemplate template, CommandFactory factory, BatchIds ids, Map<String, String> variables,
			Function<String, String> environment) {
		this.template = template;
		this.factory = factory;
		this.ids = ids;
		this.variables = variables;
		this.environment = environment;
	}

	List<OutgoingCommand> commands(CsvRows csv) {
		checkPlaceholders(csv);
		List<OutgoingCommand> commands = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		Map<String, CsvRows.Row> rowsById = new HashMap<>();
		for (CsvRows.Row row : csv.rows()) {
			try {
				OutgoingCommand command = command(row.byColumn(csv.header()));
				CsvRows.Row earlier = rowsById.putIfAbsent(command.id(), row);
				if (earlier != null) {
					throw CliException.badInput("gives the same command as " + earlier.label());
				}
				commands.add(command);
			}
			catch (CliException ex) {
				problems.add(row.label() + ": " + ex.getMessage());
			}
		}
		if (!problems.isEmpty()) {
			throw CliException.badInput(report(csv, problems));
		}
		return commands;
	}

	private OutgoingCommand command(Map<String, String> row) {
		Map<String, String> used = new LinkedHashMap<>();
		CommandTemplate.Rendered rendered = this.template.render((name) -> {
			String value = value(name, row);
			used.put(name, name.startsWith(ENV) ? "" : value);
			return value;
		});
		return this.factory.create(this.ids.id(used), rendered.type(), rendered.key(), rendered.data());
	}

	private String value(String name, Map<String, String> row) {
		if (row.containsKey(name)) {
			return row.get(name);
		}
		if (this.variables.containsKey(name)) {
			return this.variables.get(name);
		}
		String value = name.startsWith(ENV) ? this.environment.apply(name.substring(ENV.length())) : null;
		if (value == null) {
			throw CliException.badInput("no value for {{" + name + "}}");
		}
		if (!value.isEmpty()) {
			this.secrets.add(value);
		}
		return value;
	}

	/** The values taken from the environment (typically secrets), not to be shown. */
	Set<String> secrets() {
		return this.secrets;
	}

	/**
	 * Every placeholder names a column, a --set variable or a set environment variable.
	 */
	private void checkPlaceholders(CsvRows csv) {
		this.template.placeholders().forEach((name, path) -> {
			if (name.startsWith(ENV)) {
				if (this.environment.apply(name.substring(ENV.length())) == null) {
					throw CliException.badInput("template " + this.template.name() + " uses {{" + name + "}} at " + path
							+ ", but the environment variable " + name.substring(ENV.length()) + " is not set");
				}
			}
			else if (!csv.header().contains(name) && !this.variables.containsKey(name)) {
				throw CliException.badInput(csv.name() + " " + csv.headerSource() + ": no column '" + name
						+ "' for the template's {{" + name + "}} at " + path + " (columns: "
						+ String.join(", ", csv.header()) + "; or pass --set " + name + "=VALUE)");
			}
		});
	}

	private static String report(CsvRows csv, List<String> problems) {
		StringBuilder report = new StringBuilder().append(problems.size())
			.append(" of ")
			.append(csv.rows().size())
			.append(" rows of ")
			.append(csv.name())
			.append(" are invalid; nothing was published:");
		problems.stream().limit(SHOWN_PROBLEMS).forEach((problem) -> report.append("\n  ").append(problem));
		if (problems.size() > SHOWN_PROBLEMS) {
			report.append("\n  … and ").append(problems.size() - SHOWN_PROBLEMS).append(" more");
		}
		return report.toString();
	}

}
