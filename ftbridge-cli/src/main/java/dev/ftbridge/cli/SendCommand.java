package dev.ftbridge.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import dev.ftbridge.contract.AccountName;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code ftbridge send}: publishes one command. */
@Command(name = "send", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Publishes one command, checked against its JSON Schema first.",
				"Prints the command id, type and record key." })
final class SendCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--type", paramLabel = "TYPE", description = "Command type, e.g. fivetran.connection.sync.")
	private String type;

	@ArgGroup(multiplicity = "1")
	private Input input;

	@Option(names = "--key", paramLabel = "KEY",
			description = "Record key (default: the resource the command acts on, as the bridge orders it).")
	private String key;

	@Option(names = "--id", paramLabel = "ID", description = "Command id, its idempotency key (default: a new UUID).")
	private String id;

	@Option(names = "--source", paramLabel = "URI", description = "CloudEvent source (default: urn:ftbridge:cli).")
	private String source;

	@Option(names = "--account", paramLabel = "NAME",
			description = "The Fivetran account the bridge calls for it (its fivetranaccount attribute; default: the "
					+ "bridge's default account).")
	private String account;

	@Option(names = "--topic", paramLabel = "TOPIC", defaultValue = "fivetran.commands",
			description = "Command topic (default: ${DEFAULT-VALUE}).")
	private String topic;

	@Option(names = "--dry-run", description = "Check and print the command; publish nothing.")
	private boolean dryRun;

	@Mixin
	private KafkaOptions kafka;

	@Override
	public Integer call() {
		JsonNode given = (this.input.file != null) ? JsonInput.file(this.input.file)
				: JsonInput.textOrFile("--data", this.input.data);
		boolean cloudEvent = given.has("specversion");
		String type = first(this.type, cloudEvent ? given.path("type").asString(null) : null);
		if (type == null) {
			throw new ParameterException(this.spec.commandLine(),
					"Missing --type (or a whole CloudEvent, with its type, in --file)");
		}
		String id = first(this.id, cloudEvent ? given.path("id").asString(null) : null);
		String source = first(this.source, cloudEvent ? given.path("source").asString(null) : null);
		CommandFactory factory = new CommandFactory(first(source, "urn:ftbridge:cli"), Clock.systemUTC());
		String account = first(this.account, cloudEvent ? given.path(AccountName.ATTRIBUTE).asString(null) : null);
		OutgoingCommand command = factory.create(first(id, UUID.randomUUID().toString()), type, this.key,
				cloudEvent ? given.get("data") : given, account);
		if (this.dryRun) {
			this.spec.commandLine().getOut().println(command.record());
			return 0;
		}
		KafkaCheck.requireTopics(this.kafka, List.of(this.topic));
		try (CommandPublisher publisher = new CommandPublisher(this.kafka, this.topic)) {
			CommandPublisher.Published published = publisher.publish(List.of(command));
			if (!published.complete()) {
				throw new CliException(CliException.KAFKA, published.problem());
			}
		}
		this.spec.commandLine().getOut().println(command.summary());
		return 0;
	}

	private static String first(String value, String fallback) {
		return (value != null) ? value : fallback;
	}

	/** Where the command comes from. */
	static final class Input {

		@Option(names = "--data", paramLabel = "JSON|@FILE", required = true,
				description = "The command's data as JSON, or @file to read it from a file.")
		String data;

		@Option(names = "--file", paramLabel = "FILE", required = true,
				description = "A JSON file: a whole command CloudEvent, or just its data.")
		Path file;

	}

}
