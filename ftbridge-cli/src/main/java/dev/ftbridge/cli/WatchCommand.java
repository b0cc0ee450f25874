package dev.ftbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code ftbridge watch}: follows the result and status topics. */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Follows the result and status topics: one line per event, coloured on a terminal.",
				"Filters combine with OR; a watched command's connection is followed too. Ctrl-C stops." })
final class WatchCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--command-id", paramLabel = "ID", split = ",", description = "Show events of these commands.")
	private List<String> commandIds = new ArrayList<>();

	@Option(names = "--ids-from", paramLabel = "FILE",
			description = "Command ids, the first word of each line: what send and bulk print (- for standard input).")
	private Path idsFrom;

	@Option(names = "--connection-id", paramLabel = "ID", split = ",",
			description = "Show events of these connections.")
	private List<String> connectionIds = new ArrayList<>();

	@Option(names = "--group-id", paramLabel = "ID", split = ",", description = "Show events of these groups.")
	private List<String> groupIds = new ArrayList<>();

	@Option(names = "--since", paramLabel = "DURATION", defaultValue = "15m",
			description = "Start with the events of the last DURATION (default: ${DEFAULT-VALUE}; 0 for new ones only).")
	private Duration since;

	@Option(names = "--from-beginning", description = "Start with the oldest events Kafka keeps.")
	private boolean fromBeginning;

	@Option(names = "--until-done", description = "Exit once every watched command has its final result: "
			+ "0 when all succeeded (or were DUPLICATE), 1 otherwise.")
	private boolean untilDone;

	@Option(names = "--max-wait", paramLabel = "DURATION",
			description = "Stop after this long (with --until-done: exit 1 if commands are still open).")
	private Duration maxWait;

	@Option(names = "--json", description = "One event per line, as the JSON the bridge published, for scripts "
			+ "(the --until-done summary goes to standard error).")
	private boolean json;

	@Option(names = "--results-topic", paramLabel = "TOPIC", defaultValue = "fivetran.command-results",
			description = "Result topic (default: ${DEFAULT-VALUE}).")
	private String resultsTopic;

	@Option(names = "--status-topic", paramLabel = "TOPIC", defaultValue = "fivetran.status",
			description = "Status topic (default: ${DEFAULT-VALUE}).")
	private String statusTopic;

	@Option(names = "--no-color", description = "No colours (also when NO_COLOR is set or output is no terminal).")
	private boolean noColor;

	@Option(names = "--color", description = "Colours even when output is no terminal.")
	private boolean color;

	@Mixin
	private KafkaOptions kafka;

	@Override
	public Integer call() {
		Set<String> ids = new LinkedHashSet<>(this.commandIds);
		if (this.idsFrom != null) {
			ids.addAll(CommandIds.read(this.idsFrom));
		}
		if (this.untilDone && ids.isEmpty()) {
			throw new ParameterException(this.spec.commandLine(), "--until-done needs --command-id or --ids-from");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		boolean colour = !this.json && !this.noColor && (this.color || Console.coloursByDefault());
		Console console = new Console(out, colour);
		Console summary = this.json ? new Console(this.spec.commandLine().getErr(), false) : console;
		EventFilter filter = new EventFilter(ids, this.connectionIds, this.groupIds);
		CommandProgress progress = new CommandProgress(ids);
		KafkaCheck.requireTopics(this.kafka, List.of(this.resultsTopic, this.statusTopic));
		Instant deadline = (this.maxWait != null) ? Instant.now().plus(this.maxWait) : Instant.MAX;
		Instant from = this.fromBeginning ? null : Instant.now().minus(this.since);
		try (TopicFollower follower = new TopicFollower(this.kafka, List.of(this.resultsTopic, this.statusTopic),
				from)) {
			while (Instant.now().isBefore(deadline)) {
				for (JsonNode event : follower.poll(Duration.ofMillis(200))) {
					if (filter.accepts(event)) {
						print(out, console, event);
						progress.record(event);
					}
				}
				if (this.untilDone && progress.done()) {
					return finished(summary, progress);
				}
			}
		}
		catch (org.apache.kafka.common.errors.TimeoutException ex) {
			throw this.kafka.unreachable();
		}
		if (this.untilDone) {
			List<String> pending = progress.pending();
			throw new CliException(CliException.FAILED, pending.size() + " of " + progress.size()
					+ " commands have no final result after " + this.maxWait + ": " + abbreviate(pending));
		}
		return 0;
	}

	private void print(PrintWriter out, Console console, JsonNode event) {
		if (this.json) {
			// compact JSON is one line; whatever came from the record is escaped, still
			// JSON
			out.println(Printable.json(JsonInput.JSON.writeValueAsString(event)));
			out.flush();
		}
		else {
			EventLines.of(event).ifPresent((line) -> line.printTo(console));
		}
	}

	private static int finished(Console console, CommandProgress progress) {
		Map<String, String> failed = progress.failed();
		console.banner(progress.size() + " commands finished: " + progress.counts());
		if (failed.isEmpty()) {
			return 0;
		}
		console.banner(failed.size() + " did not succeed: " + abbreviate(List.copyOf(failed.entrySet())));
		return CliException.FAILED;
	}

	private static String abbreviate(List<?> items) {
		String shown = items.subList(0, Math.min(10, items.size())).toString();
		return (items.size() > 10) ? shown + " and " + (items.size() - 10) + " more" : shown;
	}

}
