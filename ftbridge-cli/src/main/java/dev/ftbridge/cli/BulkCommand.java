package dev.ftbridge.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ftbridge bulk}: one command per CSV row, through a JSON template. */
@Command(name = "bulk", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Publishes one command per row of a CSV file, through a JSON template.",
				"Every command is checked against its JSON Schema before anything is sent; a bad row or template "
						+ "fails the whole batch.",
				"Prints one line per command (id, type, key); a summary goes to standard error." })
final class BulkCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--csv", paramLabel = "FILE", required = true,
			description = "The rows, with a header line naming the columns unless --columns names them "
					+ "(- for standard input).")
	private Path csv;

	@Option(names = "--columns", paramLabel = "NAME,…", split = ",",
			description = "The column names, for a CSV file without a header line (its first line is a row).")
	private List<String> columns = new ArrayList<>();

	@Option(names = "--template", paramLabel = "FILE", required = true,
			description = "JSON with type, data (and optionally key) whose strings hold {{column}}, "
					+ "{{column:number}}, {{column:boolean}}, {{variable}} or {{env.NAME}} placeholders.")
	private Path template;

	@Option(names = "--set", paramLabel = "NAME=VALUE",
			description = "A value for placeholders that are not CSV columns, e.g. --set group_id=my_group.")
	private Map<String, String> variables = new LinkedHashMap<>();

	@Option(names = "--idempotency-seed", paramLabel = "SEED",
			description = "Names the batch: the same seed and rows give the same command ids, so publishing again is "
					+ "safe (the bridge answers DUPLICATE). Default: a new random seed, printed.")
	private String seed;

	@Option(names = "--source", paramLabel = "URI", defaultValue = "urn:ftbridge:cli",
			description = "CloudEvent source (default: ${DEFAULT-VALUE}).")
	private String source;

	@Option(names = "--topic", paramLabel = "TOPIC", defaultValue = "fivetran.commands",
			description = "Command topic (default: ${DEFAULT-VALUE}).")
	private String topic;

	@Option(names = "--dry-run",
			description = "Check every row and print the records (key, tab, CloudEvent); " + "publish nothing.")
	private boolean dryRun;

	@Mixin
	private KafkaOptions kafka;

	InputStream stdin = System.in;

	Function<String, String> environment = System::getenv;

	@Override
	public Integer call() {
		CommandTemplate template = CommandTemplate.read(this.template);
		CsvRows rows = CsvRows.read(this.csv, this.stdin, this.columns);
		String seed = (this.seed != null) ? this.seed : UUID.randomUUID().toString();
		CommandFactory factory = new CommandFactory(this.source, Clock.systemUTC());
		BulkPlan plan = new BulkPlan(template, factory, new BatchIds(seed, template), this.variables, this.environment);
		List<OutgoingCommand> commands = plan.commands(rows);
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		if (this.dryRun) {
			commands.forEach((command) -> out.println(command.record(plan.secrets())));
			err.println("dry run: " + commands.size() + " valid commands from " + rows.name()
					+ "; nothing was published (idempotency seed " + seed + ")");
			return 0;
		}
		KafkaCheck.requireTopics(this.kafka, List.of(this.topic));
		try (CommandPublisher publisher = new CommandPublisher(this.kafka, this.topic)) {
			CommandPublisher.Published published = publisher.publish(commands);
			if (!published.complete()) {
				throw new CliException(CliException.KAFKA, published.problem() + ". Publishing again with "
						+ "--idempotency-seed " + seed + " is safe: the bridge answers those it has with DUPLICATE.");
			}
		}
		commands.forEach((command) -> out.println(command.summary()));
		err.println("published " + commands.size() + " commands from " + rows.name() + " to " + this.topic + " at "
				+ this.kafka.bootstrapServers + " (idempotency seed " + seed
				+ "; publishing again with it gives the same ids)");
		return 0;
	}

}
