package dev.ftbridge.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes connection rows as an aligned table, CSV or JSON; every cell made terminal-safe.
 */
final class StatusTable {

	private static final String[] FIELDS = { "connection_id", "group_id", "service", "setup_state", "sync_state",
			"paused", "sync_start", "sync_end", "last_failure" };

	private StatusTable() {
	}

	static String text(Collection<ConnectionRow> rows) {
		List<String[]> lines = new ArrayList<>();
		lines.add(ConnectionRow.HEADINGS);
		rows.forEach((row) -> lines.add(safe(row.cells(), "-")));
		int[] widths = new int[ConnectionRow.HEADINGS.length];
		lines.forEach((cells) -> {
			for (int i = 0; i < cells.length; i++) {
				widths[i] = Math.max(widths[i], cells[i].length());
			}
		});
		StringBuilder out = new StringBuilder();
		for (String[] cells : lines) {
			out.append(line(cells, widths)).append('\n');
		}
		return out.toString();
	}

	/**
	 * One row, tab-separated: what {@code --follow} prints per change when not on a
	 * terminal.
	 */
	static String change(ConnectionRow row) {
		return String.join("\t", safe(row.cells(), "-"));
	}

	static String csv(Collection<ConnectionRow> rows) {
		StringBuilder out = new StringBuilder(String.join(",", FIELDS)).append('\n');
		for (ConnectionRow row : rows) {
			List<String> cells = new ArrayList<>();
			for (String cell : safe(row.cells(), "")) {
				cells
					.add((cell.contains(",") || cell.contains("\"")) ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
			}
			out.append(String.join(",", cells)).append('\n');
		}
		return out.toString();
	}

	static String json(Collection<ConnectionRow> rows) {
		ArrayNode array = JsonInput.JSON.createArrayNode();
		for (ConnectionRow row : rows) {
			ObjectNode item = array.addObject();
			String[] cells = row.cells();
			for (int i = 0; i < FIELDS.length; i++) {
				if (i == 5 && row.paused() != null) {
					item.put(FIELDS[i], row.paused());
				}
				else {
					item.put(FIELDS[i], cells[i]);
				}
			}
			item.put("failing", row.failing());
		}
		return Printable.json(JsonInput.JSON.writeValueAsString(array));
	}

	private static String[] safe(String[] cells, String none) {
		String[] safe = new String[cells.length];
		for (int i = 0; i < cells.length; i++) {
			safe[i] = (cells[i] != null) ? Printable.text(cells[i]) : none;
		}
		return safe;
	}

	private static String line(String[] cells, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			line.append((i < cells.length - 1) ? String.format("%-" + widths[i] + "s  ", cells[i]) : cells[i]);
		}
		return line.toString().stripTrailing();
	}

}
