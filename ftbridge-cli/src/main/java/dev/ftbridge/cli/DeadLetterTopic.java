package dev.ftbridge.cli;

import java.util.List;

import picocli.CommandLine.Option;

/** The {@code --dlt-topic} option the {@code dlt} subcommands share, and reading it. */
final class DeadLetterTopic {

	@Option(names = "--dlt-topic", paramLabel = "TOPIC", defaultValue = "fivetran.commands-dlt",
			description = "Dead-letter topic (default: ${DEFAULT-VALUE}).")
	private String name;

	String name() {
		return this.name;
	}

	/** Every dead letter of the topic, read to its end. */
	List<DeadLetter> read(KafkaOptions kafka) {
		return DltCommand.read(kafka, this.name);
	}

}
