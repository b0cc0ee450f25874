package dev.ftbridge.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * For {@code report}: the final result of each part of each listed command, folded from
 * the result topic, as the classic scripts' log had it — attempted, succeeded, failed
 * with reasons, elapsed. A command answered both SUCCEEDED and (when sent again)
 * DUPLICATE counts by its real outcome; one REJECTED and then replayed, by how the replay
 * ended.
 */
final class CommandReport {

	private static final Set<String> SUCCESS = Set.of("SUCCEEDED", "DUPLICATE");

	/**
	 * Outcomes a later one replaces: a DUPLICATE answers a second copy, a REJECTED
	 * command may be replayed from the dead-letter topic with its id and run.
	 */
	private static final Set<String> SUPERSEDED = Set.of("DUPLICATE", "REJECTED");

	/** Final results by command id, then by part index (0 when not a fan-out). */
	private final Map<String, Map<Integer, JsonNode>> finals = new LinkedHashMap<>();

	private final Map<String, Integer> parts = new LinkedHashMap<>();

	private final Map<String, JsonNode> accepted = new LinkedHashMap<>();

	private final ResultParts resultParts = new ResultParts();

	CommandReport(Collection<String> commandIds) {
		commandIds.forEach((id) -> this.finals.put(id, new TreeMap<>()));
	}

	void record(JsonNode event) {
		JsonNode data = this.resultParts.withPart(event.path("data"));
		String id = data.path("command_id").asString("");
		Map<Integer, JsonNode> results = this.finals.get(id);
		if (results == null || !"fivetran.command.result".equals(event.path("type").asString(""))) {
			return;
		}
		String outcome = data.path("outcome").asString("");
		if (outcome.equals("ACCEPTED")) {
			this.accepted.putIfAbsent(id, data);
			this.resultParts.accepted(data);
			this.parts.merge(id, data.path("part").path("of").asInt(1), Math::max);
			return;
		}
		int part = data.path("part").path("index").asInt(0);
		this.parts.merge(id, data.path("part").path("of").asInt(1), Math::max);
		JsonNode earlier = results.get(part);
		String before = (earlier != null) ? earlier.path("outcome").asString("") : null;
		if (before == null || (SUPERSEDED.contains(before) && !outcome.equals("DUPLICATE"))) {
			results.put(part, data);
		}
	}

	/** Whether every listed command has the final results of all its parts. */
	boolean complete() {
		return this.finals.entrySet()
			.stream()
			.allMatch((entry) -> entry.getValue().size() >= this.parts.getOrDefault(entry.getKey(), 1)
					|| duplicateOnly(entry.getValue()));
	}

	/**
	 * One row per final result, in the order the ids were given; a row per open command.
	 */
	List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		this.finals.forEach((id, results) -> {
			results.values().forEach((data) -> rows.add(Row.of(id, data, this.parts.getOrDefault(id, 1))));
			if (results.isEmpty() || !(results.size() >= this.parts.getOrDefault(id, 1) || duplicateOnly(results))) {
				JsonNode accepted = this.accepted.get(id);
				rows.add(new Row(id, (accepted != null) ? accepted.path("command_type").asString(null) : null,
						(accepted != null) ? resourceOf(accepted) : null, null,
						(accepted != null) ? "PENDING" : "NO RESULT", null, null,
						(accepted != null) ? "accepted, no final result yet" : "no result on the topic"));
			}
		});
		return rows;
	}

	/** Totals over the listed commands. */
	Summary summary() {
		int succeeded = 0;
		int failed = 0;
		Instant first = null;
		Instant last = null;
		for (Map.Entry<String, Map<Integer, JsonNode>> entry : this.finals.entrySet()) {
			Collection<JsonNode> results = entry.getValue().values();
			boolean done = entry.getValue().size() >= this.parts.getOrDefault(entry.getKey(), 1)
					|| duplicateOnly(entry.getValue());
			if (results.stream().anyMatch((data) -> !SUCCESS.contains(data.path("outcome").asString("")))) {
				failed++;
			}
			else if (done && !results.isEmpty()) {
				succeeded++;
			}
			for (JsonNode data : results) {
				first = earlier(first, instant(data, "received_at"));
				last = later(last, instant(data, "finished_at"));
			}
		}
		Duration elapsed = (first != null && last != null && !last.isBefore(first)) ? Duration.between(first, last)
				: null;
		return new Summary(this.finals.size(), succeeded, failed, this.finals.size() - succeeded - failed, first, last,
				elapsed);
	}

	private static boolean duplicateOnly(Map<Integer, JsonNode> results) {
		// a DUPLICATE answers the whole command, whatever its parts
		return !results.isEmpty()
				&& results.values().stream().allMatch((data) -> data.path("outcome").asString("").equals("DUPLICATE"));
	}

	private static String resourceOf(JsonNode data) {
		return data.path("resource_id").asString(data.path("group_id").asString(null));
	}

	static Instant instant(JsonNode data, String field) {
		try {
			return data.path(field).isString() ? Instant.parse(data.path(field).asString()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Instant earlier(Instant a, Instant b) {
		return (a == null || (b != null && b.isBefore(a))) ? b : a;
	}

	private static Instant later(Instant a, Instant b) {
		return (a == null || (b != null && b.isAfter(a))) ? b : a;
	}

	/**
	 * One line of the report.
	 *
	 * @param commandId the command's id
	 * @param type its type, when a result named it
	 * @param resource what it acted on (connection, group, …), when known
	 * @param part {@code 2/3} for a part of a fan-out, else {@code null}
	 * @param outcome the final outcome, {@code PENDING} (accepted, not finished) or
	 * {@code NO RESULT}
	 * @param elapsed from received to finished, when known
	 * @param finishedAt when it finished, when known
	 * @param reason why it did not succeed (or what Fivetran said), when given
	 */
	record Row(String commandId, String type, String resource, String part, String outcome, Duration elapsed,
			Instant finishedAt, String reason) {

		static Row of(String id, JsonNode data, int parts) {
			Instant received = instant(data, "received_at");
			Instant finished = instant(data, "finished_at");
			Duration elapsed = (received != null && finished != null) ? Duration.between(received, finished)
					: data.has("duration_ms") ? Duration.ofMillis(data.path("duration_ms").asLong()) : null;
			String part = data.has("part") ? (data.path("part").path("index").asInt() + 1) + "/" + parts : null;
			return new Row(id, data.path("command_type").asString(null), resourceOf(data), part,
					data.path("outcome").asString("?"), elapsed, finished, data.path("reason").asString(null));
		}

		boolean succeeded() {
			return SUCCESS.contains(this.outcome);
		}

	}

	/**
	 * The totals.
	 *
	 * @param attempted commands listed
	 * @param succeeded commands whose every part SUCCEEDED (or that were DUPLICATE)
	 * @param failed commands with a part that ended otherwise
	 * @param open commands with no final result (yet)
	 * @param first the earliest time the bridge received one of them
	 * @param last the latest time one of them finished
	 * @param elapsed from first to last, when both are known
	 */
	record Summary(int attempted, int succeeded, int failed, int open, Instant first, Instant last, Duration elapsed) {

	}

}
