package dev.ftbridge.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * For {@code watch --until-done}: which commands have their final results (every part of
 * a fan-out), and which of those did not succeed. A REJECTED command that ran later
 * (replayed from the dead-letter topic with the same id) counts by that later outcome.
 */
final class CommandProgress {

	private static final Set<String> SUCCESS = Set.of("SUCCEEDED", "DUPLICATE");

	private final Map<String, List<String>> outcomes = new LinkedHashMap<>();

	private final Map<String, Integer> parts = new LinkedHashMap<>();

	CommandProgress(Collection<String> commandIds) {
		commandIds.forEach((id) -> this.outcomes.put(id, new ArrayList<>()));
	}

	void record(JsonNode event) {
		JsonNode data = event.path("data");
		List<String> outcomes = this.outcomes.get(data.path("command_id").asString(""));
		String outcome = data.path("outcome").asString("ACCEPTED");
		if (outcomes == null || !event.path("type").asString("").equals("fivetran.command.result")) {
			return;
		}
		if (outcome.equals("ACCEPTED")) {
			// a part that ends later: the command is not done before it
			this.parts.merge(data.path("command_id").asString(), data.path("part").path("of").asInt(1), Math::max);
			return;
		}
		if (!outcome.equals("DUPLICATE") && !outcome.equals("REJECTED")) {
			// a command the bridge refused (dead-lettered) and that was replayed since:
			// it counts by how the replay ended
			outcomes.removeIf("REJECTED"::equals);
		}
		outcomes.add(outcome);
		this.parts.merge(data.path("command_id").asString(), data.path("part").path("of").asInt(1), Math::max);
	}

	boolean done() {
		return pending().isEmpty();
	}

	List<String> pending() {
		return this.outcomes.entrySet()
			.stream()
			.filter((entry) -> !entry.getValue().contains("DUPLICATE")
					&& entry.getValue().size() < this.parts.getOrDefault(entry.getKey(), 1))
			.map(Map.Entry::getKey)
			.toList();
	}

	/** The commands with a final outcome other than SUCCEEDED or DUPLICATE, with it. */
	Map<String, String> failed() {
		Map<String, String> failed = new TreeMap<>();
		this.outcomes.forEach((id, outcomes) -> outcomes.stream()
			.filter((outcome) -> !SUCCESS.contains(outcome))
			.findFirst()
			.ifPresent((outcome) -> failed.put(id, outcome)));
		return failed;
	}

	/** Final outcomes counted, e.g. {@code {SUCCEEDED=498, FAILED=2}}. */
	Map<String, Integer> counts() {
		Map<String, Integer> counts = new TreeMap<>();
		this.outcomes.values().forEach((outcomes) -> outcomes.forEach((o) -> counts.merge(o, 1, Integer::sum)));
		return counts;
	}

	int size() {
		return this.outcomes.size();
	}

}
