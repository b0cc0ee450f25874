package dev.ftbridge.command;

import java.util.List;

import dev.ftbridge.events.CommandResult;
import dev.ftbridge.events.ConnectionStatusObserved;

/**
 * What executing one command produced: its results (at least one) and any status
 * observations, published in that order: statuses first, results last.
 *
 * @param results the command's results
 * @param statuses connection statuses seen while executing it
 */
record Execution(List<CommandResult> results, List<ConnectionStatusObserved> statuses) {

	Execution {
		results = List.copyOf(results);
		statuses = List.copyOf(statuses);
	}

	static Execution of(CommandResult result) {
		return new Execution(List.of(result), List.of());
	}

}
