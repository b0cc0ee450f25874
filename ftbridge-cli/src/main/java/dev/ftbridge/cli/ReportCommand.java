package dev.ftbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;

/** {@code ftbridge report}: how a batch of commands ended, from the result topic. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
		description = {
				"A per-command table of how commands ended, like the classic scripts' log: "
						+ "attempted, succeeded, failed with reasons, elapsed.",
				"Reads the result topic to its end without a consumer group. "
						+ "Exit 0 when every command succeeded (or was DUPLICATE), 1 otherwise." })
final class ReportCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--ids-from", paramLabel = "FILE",
			description = "Command ids, the first word of each line: what send and bulk print (- for standard input).")
	private Path idsFrom;

	@Option(names = "--command-id", paramLabel = "ID", split = ",", description = "These commands too.")
	private List<String> commandIds = new ArrayList<>();

	@Option(names = "--since", paramLabel = "DURATION",
			description = "Read only results of the last DURATION (default: all the topic keeps).")
	private Duration since;

	@Option(names = "--max-wait", paramLabel = "DURATION", defaultValue = "0s",
			description = "Wait up to this long for commands with no final result yet (default: ${DEFAULT-VALUE}).")
	private Duration maxWait;

	@Option(names = "--csv", description = "CSV, one line per result, instead of a table (totals on standard error).")
	private boolean csv;

	@Option(names = "--results-topic", paramLabel = "TOPIC", defaultValue = "fivetran.command-results",
			description = "Result topic (default: ${DEFAULT-VALUE}).")
	private String resultsTopic;

	@Mixin
	private KafkaOptions kafka;

	@Override
	public Integer call() {
		Set<String> ids = new LinkedHashSet<>(this.commandIds);
		if (this.idsFrom != null) {
			ids.addAll(CommandIds.read(this.idsFrom));
		}
		if (ids.isEmpty()) {
			throw new ParameterException(this.spec.commandLine(), "report needs --ids-from or --command-id");
		}
		CommandReport report = new CommandReport(ids);
		Instant from = (this.since != null) ? Instant.now().minus(this.since) : null;
		try (TopicSnapshot results = new TopicSnapshot(this.kafka, this.resultsTopic, from)) {
			results.toEnd().forEach((record) -> fold(report, record));
			long end = System.nanoTime() + this.maxWait.toNanos();
			while (!report.complete() && System.nanoTime() < end) {
				results.poll(Duration.ofMillis(200)).forEach((record) -> fold(report, record));
			}
		}
		CommandReport.Summary summary = report.summary();
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.csv) {
			out.print(ReportTable.csv(report.rows()));
			this.spec.commandLine().getErr().println(ReportTable.totals(summary));
		}
		else {
			out.print(ReportTable.text(report.rows(), summary));
		}
		out.flush();
		return (summary.succeeded() == summary.attempted()) ? 0 : CliException.FAILED;
	}

	private static void fold(CommandReport report, ConsumerRecord<byte[], byte[]> record) {
		if (record.value() == null) {
			return;
		}
		try {
			report.record(JsonInput.JSON.readTree(record.value()));
		}
		catch (JacksonException ex) {
			// not a result of the bridge's
		}
	}

}
