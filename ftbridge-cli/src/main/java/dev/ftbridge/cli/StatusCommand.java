package dev.ftbridge.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code ftbridge status}: every connection's latest state, from the compacted topic. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false, description = {
		"A table of connections from fivetran.connection-state, read to its end without a consumer group.",
		"Filters combine with AND. --follow keeps it live: redrawn in place on a terminal, one line per change otherwise." })
final class StatusCommand implements Callable<Integer> {

	/** The columns --sort takes. */
	enum Sort {

		connection, group, service, setup, sync, sync_start, sync_end, failure

	}

	@Spec
	private CommandSpec spec;

	@Option(names = "--group-id", paramLabel = "ID", split = ",", description = "Only connections of these groups.")
	private List<String> groupIds = new ArrayList<>();

	@Option(names = "--setup-state", paramLabel = "STATE", split = ",",
			description = "Only these setup states (incomplete, connected, broken).")
	private List<String> setupStates = new ArrayList<>();

	@Option(names = "--sync-state", paramLabel = "STATE", split = ",",
			description = "Only these sync states (scheduled, syncing, paused, rescheduled).")
	private List<String> syncStates = new ArrayList<>();

	@Option(names = "--failing", description = "Only connections that are broken or whose last sync failed.")
	private boolean failing;

	@Option(names = "--sort", paramLabel = "COLUMN", defaultValue = "connection",
			description = "Sort by ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
	private Sort sort;

	@Option(names = "--desc", description = "Sort in descending order.")
	private boolean descending;

	@Option(names = "--json", description = "A JSON array instead of a table.")
	private boolean json;

	@Option(names = "--csv", description = "CSV instead of a table.")
	private boolean csv;

	@Option(names = "--follow", description = "Keep reading: redraw on a terminal, one line per change otherwise.")
	private boolean follow;

	@Option(names = "--redraw", negatable = true,
			description = "With --follow: redraw in place (default: when standard output is a terminal).")
	private Boolean redraw;

	@Option(names = "--max-wait", paramLabel = "DURATION", description = "With --follow: stop after this long.")
	private Duration maxWait;

	@Option(names = "--state-topic", paramLabel = "TOPIC", defaultValue = "fivetran.connection-state",
			description = "Connection-state topic (default: ${DEFAULT-VALUE}).")
	private String topic;

	@Mixin
	private KafkaOptions kafka;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		Map<String, ConnectionRow> rows = new HashMap<>();
		try (TopicSnapshot snapshot = new TopicSnapshot(this.kafka, this.topic)) {
			snapshot.toEnd().forEach((record) -> fold(rows, record));
			boolean inPlace = (this.redraw != null) ? this.redraw : Console.coloursByDefault();
			out.print(render(rows, inPlace && this.follow));
			out.flush();
			if (!this.follow) {
				return 0;
			}
			long end = (this.maxWait != null) ? System.nanoTime() + this.maxWait.toNanos() : Long.MAX_VALUE;
			while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
				boolean changed = false;
				for (ConsumerRecord<byte[], byte[]> record : snapshot.poll(Duration.ofMillis(200))) {
					ConnectionRow row = fold(rows, record);
					if (row != null && shown(row)) {
						changed = true;
						if (!inPlace) {
							out.println(StatusTable.change(row));
						}
					}
				}
				if (changed && inPlace) {
					out.print(render(rows, true));
				}
				out.flush();
			}
		}
		return 0;
	}

	private String render(Map<String, ConnectionRow> rows, boolean clear) {
		List<ConnectionRow> shown = rows.values().stream().filter(this::shown).sorted(order()).toList();
		if (this.json) {
			return StatusTable.json(shown) + "\n";
		}
		if (this.csv) {
			return StatusTable.csv(shown);
		}
		// home, clear the screen: the table is drawn again where it was
		return (clear ? "\u001b[H\u001b[2J" : "") + StatusTable.text(shown);
	}

	private static ConnectionRow fold(Map<String, ConnectionRow> rows, ConsumerRecord<byte[], byte[]> record) {
		if (record.value() == null) {
			return null;
		}
		try {
			JsonNode data = JsonInput.JSON.readTree(record.value()).path("data");
			if (!data.isObject() || !data.path("connection_id").isString()) {
				return null;
			}
			String id = data.path("connection_id").asString();
			ConnectionRow row = ConnectionRow.of(data, rows.get(id));
			rows.put(id, row);
			return row;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private boolean shown(ConnectionRow row) {
		return (this.groupIds.isEmpty() || this.groupIds.contains(row.group()))
				&& (this.setupStates.isEmpty() || this.setupStates.contains(row.setupState()))
				&& (this.syncStates.isEmpty() || this.syncStates.contains(row.syncState()))
				&& (!this.failing || row.failing());
	}

	private Comparator<ConnectionRow> order() {
		Comparator<String> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
		Comparator<ConnectionRow> order = Comparator.comparing((row) -> key(row), nullsLast);
		order = order.thenComparing(ConnectionRow::connection, nullsLast);
		return this.descending ? order.reversed() : order;
	}

	private String key(ConnectionRow row) {
		return switch (this.sort) {
			case connection -> row.connection();
			case group -> row.group();
			case service -> row.service();
			case setup -> row.setupState();
			case sync -> row.syncState();
			case sync_start -> row.syncStart();
			case sync_end -> row.syncEnd();
			case failure -> Objects.toString(row.failure(), null);
		};
	}

}
