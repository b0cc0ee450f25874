package dev.ftbridge.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.ftbridge.sandbox.LoggedRequest;
import dev.ftbridge.support.TopicRecorder;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The results a workload got, once every command has a terminal one (or the wait ran
 * out).
 */
final class Outcomes {

	/**
	 * Async commands are checked by polling soon when no webhook came (webhooks sent
	 * while the bridge was down are retried by the sandbox only minutes of sandbox time
	 * later).
	 */
	static final String[] QUICK_COMPLETION = { "--ftbridge.operations.poll-after=15s",
			"--ftbridge.operations.poll-interval=5s" };

	private final Workload workload;

	private final List<Recorded> results;

	private final Duration waited;

	private Outcomes(Workload workload, List<Recorded> results, Duration waited) {
		this.workload = workload;
		this.results = results;
		this.waited = waited;
	}

	/** How long it took from the call to {@link #await} until every command had ended. */
	Duration waited() {
		return this.waited;
	}

	/**
	 * Waits until every command has a terminal result, then a little longer so that a
	 * second one would show.
	 */
	static Outcomes await(Workload workload, TopicRecorder results, BridgeProcess bridge, Duration timeout)
			throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		while (workload.terminalResults(results.records()).size() < workload.size()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("after " + timeout.toSeconds() + " s, commands with no terminal result: "
						+ workload.missingByType(results.records()) + "\nthread dump: " + bridge.threadDump()
						+ "\nbridge log tail:\n" + bridge.tail());
			}
			Thread.sleep(500);
		}
		Duration waited = Duration.ofNanos(System.nanoTime() - start);
		Thread.sleep(3000);
		return new Outcomes(workload, results.records(), waited);
	}

	long count(String outcome) {
		return this.results.stream().filter((result) -> outcome.equals(result.dataText("outcome"))).count();
	}

	Map<String, Long> terminalByOutcome() {
		Map<String, Long> counts = new TreeMap<>();
		this.results.stream()
			.map((result) -> result.dataText("outcome"))
			.filter(Workload.TERMINAL::contains)
			.forEach((outcome) -> counts.merge(outcome, 1L, Long::sum));
		return counts;
	}

	void assertExactlyOneTerminalEach() {
		Map<String, Integer> terminal = this.workload.terminalResults(this.results);
		assertThat(terminal).as("commands with a terminal result").hasSize(this.workload.size());
		List<String> repeated = terminal.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() != 1)
			.map((entry) -> describe(entry.getKey()))
			.toList();
		assertThat(repeated).as("commands with more than one terminal result").isEmpty();
	}

	/**
	 * No command was published twice, so none may get a {@code DUPLICATE} result: a
	 * record Kafka delivers again after a restart is recognised as the same record.
	 */
	void assertNoDuplicateResults() {
		assertThat(count("DUPLICATE")).as("DUPLICATE results for records delivered again (not published twice)")
			.isZero();
	}

	/**
	 * Fivetran applied each costly command at most once, and exactly once when the
	 * command SUCCEEDED; returns how many were applied.
	 */
	long assertCostlyEffectsAtMostOnce(List<LoggedRequest> requests) {
		Map<String, Integer> effects = this.workload.effectsApplied(requests);
		Map<String, String> outcomes = new HashMap<>();
		this.results.stream()
			.filter((result) -> Workload.TERMINAL.contains(result.dataText("outcome")))
			.forEach((result) -> outcomes.put(result.dataText("command_id"), result.dataText("outcome")));
		List<String> wrong = new ArrayList<>();
		this.workload.effectOwners().forEach((target, id) -> {
			int applied = effects.get(target);
			boolean succeeded = "SUCCEEDED".equals(outcomes.get(id));
			if (applied > 1 || (succeeded && applied != 1)) {
				wrong.add(target + " applied " + applied + " times for " + describe(id));
			}
		});
		assertThat(wrong).as("costly effects applied more than once, or not at all for a SUCCEEDED command").isEmpty();
		return effects.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** Every command whose terminal result is not SUCCEEDED, with all its results. */
	String notSucceeded() {
		StringBuilder text = new StringBuilder();
		this.results.stream()
			.filter((result) -> Workload.TERMINAL.contains(result.dataText("outcome")))
			.filter((result) -> !"SUCCEEDED".equals(result.dataText("outcome")))
			.map((result) -> result.dataText("command_id"))
			.distinct()
			.forEach((id) -> text.append("\n  ").append(describe(id)));
		return text.toString();
	}

	/** A command's type and every result it got, for failure messages. */
	String describe(String id) {
		String type = this.workload.commands()
			.stream()
			.filter((sent) -> sent.id().equals(id))
			.map(Workload.Sent::type)
			.findFirst()
			.orElse("?");
		StringBuilder text = new StringBuilder(id + " " + type + ":");
		this.results.stream()
			.filter((result) -> id.equals(result.dataText("command_id")))
			.forEach((result) -> text.append("\n    ")
				.append(result.dataText("outcome"))
				.append(" at ")
				.append(result.json().path("time").asString())
				.append(" ")
				.append(result.data().path("reason").asString("")));
		return text.toString();
	}

}
