package dev.ftbridge.cli;

import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

import dev.ftbridge.cli.CommandReport.Row;
import dev.ftbridge.cli.CommandReport.Summary;

/**
 * Writes a {@link CommandReport} as an aligned table with its totals, or as CSV; every
 * cell made terminal-safe.
 */
final class ReportTable {

	private static final String[] HEADINGS = { "COMMAND", "TYPE", "RESOURCE", "PART", "OUTCOME", "ELAPSED", "REASON" };

	private static final CsvMapper CSV = CsvMapper.builder().build();

	private static final CsvSchema CSV_COLUMNS = CsvSchema.builder()
		.addColumns(List.of("command_id", "command_type", "resource_id", "part", "outcome", "elapsed_ms", "finished_at",
				"reason"), CsvSchema.ColumnType.STRING)
		.setUseHeader(true)
		.build();

	private ReportTable() {
	}

	static String text(List<Row> rows, Summary summary) {
		List<String[]> lines = new ArrayList<>();
		lines.add(HEADINGS);
		rows.forEach((row) -> lines.add(safe("-", row.commandId(), row.type(), row.resource(), row.part(),
				row.outcome(), seconds(row.elapsed()), row.reason())));
		int[] widths = new int[HEADINGS.length];
		lines.forEach((cells) -> {
			for (int i = 0; i < cells.length; i++) {
				widths[i] = Math.max(widths[i], cells[i].length());
			}
		});
		StringBuilder out = new StringBuilder();
		for (String[] cells : lines) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < cells.length; i++) {
				line.append((i < cells.length - 1) ? String.format("%-" + widths[i] + "s  ", cells[i]) : cells[i]);
			}
			out.append(line.toString().stripTrailing()).append('\n');
		}
		return out.append(totals(summary)).append('\n').toString();
	}

	/**
	 * "attempted 4: succeeded 3, failed 1, no final result 0; elapsed 12.345 s (from … to
	 * …)".
	 */
	static String totals(Summary summary) {
		String elapsed = (summary.elapsed() != null) ? "; elapsed " + seconds(summary.elapsed()) + " (from "
				+ summary.first() + " to " + summary.last() + ")" : "";
		return "attempted " + summary.attempted() + ": succeeded " + summary.succeeded() + ", failed "
				+ summary.failed() + ", no final result " + summary.open() + elapsed;
	}

	static String csv(List<Row> rows) {
		List<List<String>> values = new ArrayList<>();
		for (Row row : rows) {
			values.add(List.of(safe("", row.commandId(), row.type(), row.resource(), row.part(), row.outcome(),
					(row.elapsed() != null) ? Long.toString(row.elapsed().toMillis()) : null,
					Objects.toString(row.finishedAt(), null), row.reason())));
		}
		StringWriter out = new StringWriter();
		CSV.writer(CSV_COLUMNS).writeValue(out, values);
		return out.toString();
	}

	private static String seconds(Duration duration) {
		return (duration != null) ? String.format(Locale.ROOT, "%.3f s", duration.toMillis() / 1000.0) : null;
	}

	private static String[] safe(String none, String... cells) {
		String[] safe = new String[cells.length];
		for (int i = 0; i < cells.length; i++) {
			safe[i] = (cells[i] != null) ? Printable.text(cells[i]) : none;
		}
		return safe;
	}

}
