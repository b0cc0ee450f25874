package dev.ftbridge.command.handlers;

import java.util.List;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.contract.TableDescribed;

/**
 * What executing one command produced: its results (at least one), any status
 * observations and described tables, published statuses and tables first, results last.
 *
 * @param results the command's results
 * @param statuses connection statuses seen while executing it
 * @param tables tables a describe command read
 */
public record Execution(List<CommandResult> results, List<ConnectionStatusObserved> statuses,
		List<TableDescribed> tables) {

	public Execution {
		results = List.copyOf(results);
		statuses = List.copyOf(statuses);
		tables = List.copyOf(tables);
	}

	public Execution(List<CommandResult> results, List<ConnectionStatusObserved> statuses) {
		this(results, statuses, List.of());
	}

	public static Execution of(CommandResult result) {
		return new Execution(List.of(result), List.of());
	}

}
