package dev.ftbridge.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

import dev.ftbridge.sandbox.FivetranSandbox;
import dev.ftbridge.sandbox.LoggedRequest;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.TopicRecorder.Recorded;

/**
 * A mixed run of commands of every type against sandbox resources made for it, and the
 * bookkeeping to check it afterwards: which command each costly effect belongs to, and
 * how many terminal results each command id got.
 *
 * <p>
 * Each costly command has a target of its own (a connection create its own schema name, a
 * group, team or user create its own name or email, a resync, tables resync or forced
 * sync its own connection, a run its own transformation), so an effect applied twice at
 * the sandbox is a command executed twice.
 */
final class Workload {

	static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "REJECTED", "TIMED_OUT", "OUTCOME_UNKNOWN");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Sent> commands = new ArrayList<>();

	private final Map<String, String> effectOwners = new HashMap<>();

	private Workload() {
	}

	/** One command as published. */
	record Sent(String id, String key, String type, String data) {
	}

	/**
	 * About {@code size} commands of every type, shuffled across keys (per-key order
	 * kept: a connection's pause comes before its resume).
	 */
	static Workload mixed(FivetranSandbox sandbox, int size, long seed) {
		Workload workload = new Workload();
		String group = sandbox.state().addGroup("reliability-" + seed).id();
		String small = sandbox.state().addGroup("status-" + seed).id();
		for (int i = 0; i < 3; i++) {
			sandbox.state().addConnection(small, "postgres", "g" + i);
		}
		int share = size / 10;
		List<List<Sent>> lanes = new ArrayList<>();
		// connection creates, and group, team and user creates (share / 10 each) make 15
		// %
		for (int i = 0; i < share * 3 / 2 - 3 * (share / 10); i++) {
			String schema = "s" + seed + "_" + i;
			lanes.add(List.of(workload.command(group + "/" + schema, "fivetran.connection.create",
					"{\"group_id\":\"" + group + "\",\"service\":\"postgres\",\"run_setup_tests\":false,"
							+ "\"config\":{\"schema\":\"" + schema + "\"}}",
					"create " + schema)));
		}
		for (int i = 0; i < share; i++) {
			String resync = sandbox.state().addConnection(group, "postgres", "r" + i);
			String tables = sandbox.state().addConnection(group, "postgres", "t" + i);
			String forced = sandbox.state().addConnection(group, "postgres", "f" + i);
			String toggled = sandbox.state().addConnection(group, "postgres", "p" + i);
			lanes.add(List.of(workload.costly(resync, "fivetran.connection.resync", "{}", "/resync"),
					workload.command(resync, "fivetran.connection.status", data(resync, "{}"), null)));
			lanes.add(List.of(workload.costly(tables, "fivetran.connection.tables.resync",
					"{\"scope\":{\"public\":[\"orders\"]}}", "/schemas/tables/resync")));
			lanes.add(List.of(workload.costly(forced, "fivetran.connection.sync", "{\"force\":true}", "/sync")));
			List<Sent> lane = new ArrayList<>();
			lane.add(workload.command(toggled, "fivetran.connection.pause", data(toggled, "{}"), null));
			if (i % 2 == 0) {
				lane.add(workload.command(toggled, "fivetran.connection.update",
						data(toggled, "{\"sync_frequency\":360,\"run_setup_tests\":false}"), null));
			}
			lane.add(workload.command(toggled, "fivetran.connection.resume", data(toggled, "{}"), null));
			lanes.add(lane);
		}
		for (int i = 0; i < share / 2; i++) {
			String transformation = sandbox.state()
				.addTransformation(JSON.createObjectNode().put("project_id", "p" + seed + "_" + i));
			String run = "/v1/transformations/" + transformation + "/run";
			lanes.add(List.of(workload.command(transformation, "fivetran.transformation.run",
					"{\"transformation_id\":\"" + transformation + "\"}", run)));
			String tested = sandbox.state().addConnection(group, "postgres", "x" + i);
			lanes.add(List.of(workload.command(tested, "fivetran.connection.schema.reload", data(tested, "{}"), null),
					workload.command(tested, "fivetran.connection.test", data(tested, "{}"), null)));
			String deleted = sandbox.state().addConnection(group, "postgres", "d" + i);
			lanes.add(List.of(workload.command(deleted, "fivetran.connection.delete", data(deleted, "{}"), null)));
		}
		for (int i = 0; i < share / 10; i++) {
			String name = "team_" + seed + "_" + i;
			lanes.add(List.of(workload.command("group_" + seed + "_" + i, "fivetran.group.create",
					"{\"name\":\"group_" + seed + "_" + i + "\"}", "POST /v1/groups group_" + seed + "_" + i)));
			lanes.add(List.of(workload.command(name, "fivetran.team.create", "{\"name\":\"" + name + "\"}",
					"POST /v1/teams " + name)));
			String email = "user" + seed + "_" + i + "@example.com";
			lanes.add(List.of(workload.command(email, "fivetran.user.create",
					"{\"email\":\"" + email + "\",\"given_name\":\"Ada\",\"family_name\":\"L" + i + "\"}",
					"POST /v1/users " + email)));
		}
		while (workload.commands.size() < size) {
			lanes.add(List
				.of(workload.command(small, "fivetran.group.status", "{\"group_id\":\"" + small + "\"}", null)));
		}
		workload.commands.clear();
		workload.commands.addAll(interleave(lanes, new Random(seed)));
		return workload;
	}

	private Sent costly(String connection, String type, String extra, String action) {
		String effect = "/v1/connections/" + connection + action;
		this.effectOwners.put(effect, null);
		return command(connection, type, data(connection, extra), effect);
	}

	private Sent command(String key, String type, String data, String effect) {
		Sent sent = new Sent(Commands.newId(), key, type, data);
		this.commands.add(sent);
		if (effect != null) {
			this.effectOwners.put(effect, sent.id());
		}
		return sent;
	}

	private static String data(String connection, String extra) {
		String fields = extra.substring(1, extra.length() - 1);
		return "{\"connection_id\":\"" + connection + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
	}

	/** Random order across lanes, each lane's own order kept. */
	private static List<Sent> interleave(List<List<Sent>> lanes, Random random) {
		List<Sent> order = new ArrayList<>();
		List<List<Sent>> open = new ArrayList<>();
		lanes.forEach((lane) -> open.add(new ArrayList<>(lane)));
		while (!open.isEmpty()) {
			int pick = random.nextInt(open.size());
			order.add(open.get(pick).remove(0));
			if (open.get(pick).isEmpty()) {
				Collections.swap(open, pick, open.size() - 1);
				open.remove(open.size() - 1);
			}
		}
		return order;
	}

	List<Sent> commands() {
		return Collections.unmodifiableList(this.commands);
	}

	int size() {
		return this.commands.size();
	}

	/** Each costly effect's target and the command it belongs to. */
	Map<String, String> effectOwners() {
		return Collections.unmodifiableMap(this.effectOwners);
	}

	long costly() {
		return this.effectOwners.size();
	}

	void publish(Commands producer, int from, int to) {
		publish(producer, producer, from, to);
	}

	/**
	 * Publishes the commands of about half the keys with {@code librdkafka} (a producer
	 * partitioning as librdkafka clients do: CRC32 of the key), the others with
	 * {@code java}; all commands of one key with the same one, so their order holds.
	 */
	void publish(Commands java, Commands librdkafka, int from, int to) {
		for (Sent sent : this.commands.subList(from, to)) {
			Commands producer = viaLibrdkafka(sent) ? librdkafka : java;
			producer.sendAsync(sent.key(), sent.id(), sent.type(), sent.data());
		}
		java.flush();
		librdkafka.flush();
	}

	/**
	 * Whether {@link #publish(Commands, Commands, int, int)} sends it with librdkafka.
	 */
	static boolean viaLibrdkafka(Sent sent) {
		return Math.floorMod(sent.key().hashCode(), 2) == 0;
	}

	/** How many commands of {@code [from, to)} have any result yet. */
	int answered(List<Recorded> results, int from, int to) {
		Set<String> ids = new HashSet<>();
		this.commands.subList(from, to).forEach((sent) -> ids.add(sent.id()));
		Set<String> answered = new HashSet<>();
		for (Recorded result : results) {
			String id = result.dataText("command_id");
			if (ids.contains(id)) {
				answered.add(id);
			}
		}
		return answered.size();
	}

	/** Terminal results per command id of this workload (ids with none are absent). */
	Map<String, Integer> terminalResults(List<Recorded> results) {
		Set<String> ids = ids();
		Map<String, Integer> counts = new HashMap<>();
		for (Recorded result : results) {
			String id = result.dataText("command_id");
			if (ids.contains(id) && TERMINAL.contains(result.dataText("outcome"))) {
				counts.merge(id, 1, Integer::sum);
			}
		}
		return counts;
	}

	/** The commands with no terminal result yet, counted by type. */
	Map<String, Integer> missingByType(List<Recorded> results) {
		Map<String, Integer> terminal = terminalResults(results);
		Map<String, Integer> missing = new TreeMap<>();
		this.commands.stream()
			.filter((sent) -> !terminal.containsKey(sent.id()))
			.forEach((sent) -> missing.merge(sent.type(), 1, Integer::sum));
		return missing;
	}

	/** How many times Fivetran applied each costly effect; every target is present. */
	Map<String, Integer> effectsApplied(List<LoggedRequest> requests) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		this.effectOwners.keySet().forEach((target) -> counts.put(target, 0));
		for (LoggedRequest request : requests) {
			if (request.applied() && "POST".equals(request.method())) {
				String target = switch (request.path()) {
					case "/v1/connections" ->
						"create " + JSON.readTree(request.body()).path("config").path("schema").asString();
					case "/v1/groups", "/v1/teams" ->
						"POST " + request.path() + " " + JSON.readTree(request.body()).path("name").asString();
					case "/v1/users" -> "POST /v1/users " + JSON.readTree(request.body()).path("email").asString();
					default -> request.path();
				};
				counts.computeIfPresent(target, (key, count) -> count + 1);
			}
		}
		return counts;
	}

	private Set<String> ids() {
		Set<String> ids = new HashSet<>();
		this.commands.forEach((sent) -> ids.add(sent.id()));
		return ids;
	}

}
