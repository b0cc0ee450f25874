package dev.ftbridge.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ftbridge dlt}: the command dead-letter topic, for people. */
@Command(name = "dlt", mixinStandardHelpOptions = true,
		description = "Lists, shows and replays the commands the bridge refused (fivetran.commands-dlt).",
		subcommands = { DltListCommand.class, DltShowCommand.class, DltReplayCommand.class })
final class DltCommand implements Runnable {

	@Spec
	private CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "Missing subcommand: list, show or replay");
	}

	/** Every dead letter of the topic, read to its end. */
	static List<DeadLetter> read(KafkaOptions kafka, String topic) {
		return TopicSnapshot.read(kafka, topic).stream().map(DeadLetter::of).toList();
	}

}
