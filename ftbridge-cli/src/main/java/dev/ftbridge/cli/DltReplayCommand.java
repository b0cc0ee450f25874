package dev.ftbridge.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code ftbridge dlt replay}: re-publishes dead letters to the command topic. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false, description = {
		"Re-publishes dead letters to the command topic, each checked with the bridge's own reader first.",
		"A replayed command keeps its id (one that did run is answered DUPLICATE, never run twice) unless --new-ids.",
		"Each replayed record carries ftbridge_replay_of (DLT/PARTITION:OFFSET), ftbridge_replay_reason and",
		"ftbridge_replay_original_id; a dead letter the command topic already holds a replay of is skipped, so",
		"replaying the same dead letters twice publishes nothing new." },
		footer = { "", "Exit codes: 0 done; 2 a selected dead letter would still be refused (nothing was published;",
				"see --only-valid) or bad input; 3 Kafka could not be reached or did not take the records." })
final class DltReplayCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--at", paramLabel = "PARTITION:OFFSET", split = ",",
			description = "These dead letters (what dlt list prints).")
	private List<String> at = new ArrayList<>();

	@Mixin
	private DltFilter filter;

	@Option(names = "--all", description = "Every dead letter (when no --at or filter is given).")
	private boolean all;

	@Option(names = "--patch", paramLabel = "FILE",
			description = "A JSON merge patch (RFC 7386) applied to each command's data before the check.")
	private Path patch;

	@Option(names = "--new-ids",
			description = "Fresh ids, derived from the old ones (the same old id gives the same new one).")
	private boolean newIds;

	@Option(names = "--only-valid", description = "Publish what the bridge would accept; list the rest and exit 0.")
	private boolean onlyValid;

	@Option(names = "--dry-run", description = "Print what would be published (key TAB value), publish nothing.")
	private boolean dryRun;

	@Mixin
	private DeadLetterTopic deadLetters;

	@Option(names = "--topic", paramLabel = "TOPIC", defaultValue = "fivetran.commands",
			description = "Command topic (default: ${DEFAULT-VALUE}).")
	private String topic;

	@Mixin
	private KafkaOptions kafka;

	@Override
	public Integer call() {
		if (this.at.isEmpty() && !this.filter.any() && !this.all) {
			throw CliException
				.badInput("Say which dead letters: --at, --reason, --since/--until, --type, --key or --all");
		}
		JsonNode patchJson = (this.patch != null) ? JsonInput.file(this.patch) : null;
		if (patchJson != null && !patchJson.isObject()) {
			throw CliException.badInput(this.patch + ": a merge patch for data must be a JSON object");
		}
		List<DeadLetter> selected = this.deadLetters.read(this.kafka)
			.stream()
			.filter((letter) -> this.at.isEmpty() || this.at.contains(letter.ref()))
			.filter(this.filter)
			.toList();
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		Set<String> replayed = Replays.alreadyReplayed(this.kafka, this.topic);
		ReplayPlan plan = new ReplayPlan(patchJson, this.newIds, this.deadLetters.name());
		List<ReplayPlan.Replay> valid = new ArrayList<>();
		List<ReplayPlan.Replay> refused = new ArrayList<>();
		int skipped = 0;
		for (DeadLetter letter : selected) {
			if (replayed.contains(Replays.name(this.deadLetters.name(), letter))) {
				err.println("already replayed\t" + letter.ref());
				skipped++;
				continue;
			}
			ReplayPlan.Replay replay = plan.plan(letter);
			(replay.valid() ? valid : refused).add(replay);
		}
		refused.forEach((replay) -> err.println("refused\t" + replay.refusal()));
		if (!refused.isEmpty() && !this.onlyValid) {
			throw CliException.badInput(refused.size() + " of " + (valid.size() + refused.size())
					+ " dead letters would still be refused; nothing was published (--only-valid sends the rest)");
		}
		if (this.dryRun) {
			valid.forEach((replay) -> out.println(Printable.bytes(replay.record().key()) + "\t"
					+ Printable.text(new String(replay.record().value(), StandardCharsets.UTF_8))));
			err.println("dry run: " + valid.size() + " would be replayed, " + skipped + " already were, "
					+ refused.size() + " refused");
			return 0;
		}
		publish(valid, out);
		err.println("replayed " + valid.size() + " dead letters to " + this.topic + "; " + skipped + " already were, "
				+ refused.size() + " refused");
		return 0;
	}

	private void publish(List<ReplayPlan.Replay> valid, PrintWriter out) {
		if (valid.isEmpty()) {
			return;
		}
		List<ProducerRecord<byte[], byte[]>> records = valid.stream().map(ReplayPlan.Replay::record).toList();
		try (CommandPublisher publisher = new CommandPublisher(this.kafka, this.topic)) {
			CommandPublisher.Published published = publisher.publishRecords(records);
			if (!published.complete()) {
				throw new CliException(CliException.KAFKA, published.problem());
			}
		}
		valid.forEach((replay) -> out.println(replay.summary()));
	}

}
