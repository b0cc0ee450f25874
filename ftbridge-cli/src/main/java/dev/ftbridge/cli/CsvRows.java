package dev.ftbridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A CSV file with a header line, or without one when the columns are named on the command
 * line, read with Jackson's CSV parser (quoted values may hold commas and line breaks);
 * every row keeps its line number for messages.
 *
 * @param name the file name, for messages
 * @param header the column names
 * @param headerSource where the column names come from, for messages: {@code line 1
 * (header)} or {@code --columns}
 * @param rows the data rows, in file order
 */
record CsvRows(String name, List<String> header, String headerSource, List<Row> rows) {

	private static final String HEADER_LINE = "line 1 (header)";

	private static final String COLUMNS_OPTION = "--columns";

	private static final CsvMapper CSV = CsvMapper.builder()
		.enable(CsvReadFeature.WRAP_AS_ARRAY)
		.enable(CsvReadFeature.SKIP_EMPTY_LINES)
		.enable(CsvReadFeature.TRIM_SPACES)
		.build();

	/** Reads a file with a header line, or standard input for {@code -}. */
	static CsvRows read(Path file, InputStream stdin) {
		return read(file, stdin, List.of());
	}

	/**
	 * Reads a file, or standard input for {@code -}: without a header line when
	 * {@code columns} names the columns, with one when it is empty.
	 */
	static CsvRows read(Path file, InputStream stdin, List<String> columns) {
		boolean standardInput = file.toString().equals("-");
		String name = standardInput ? "standard input" : file.toString();
		try (Reader reader = new InputStreamReader(standardInput ? stdin : Files.newInputStream(file),
				StandardCharsets.UTF_8)) {
			return parse(name, reader, columns.isEmpty() ? null : header(name, COLUMNS_OPTION, columns));
		}
		catch (NoSuchFileException ex) {
			throw CliException.badInput(name + ": no such file");
		}
		catch (IOException ex) {
			throw CliException.badInput(name + ": cannot read it: " + ex.getMessage());
		}
	}

	private static CsvRows parse(String name, Reader reader, List<String> columns) {
		List<String> header = columns;
		List<Row> rows = new ArrayList<>();
		try (MappingIterator<String[]> values = CSV.readerFor(String[].class)
			.with(CsvSchema.emptySchema())
			.readValues(reader)) {
			while (values.hasNextValue()) {
				long line = values.currentLocation().getLineNr();
				String[] row = values.nextValue();
				if (header == null) {
					header = header(name, HEADER_LINE, List.of(row));
				}
				else {
					rows.add(new Row(rows.size() + 1, line, List.of(row)));
				}
			}
		}
		catch (JacksonException ex) {
			throw CliException.badInput(name + " is not valid CSV: " + ex.getOriginalMessage());
		}
		if (header == null) {
			throw CliException.badInput(name + " is empty; it needs a header line naming the columns");
		}
		return new CsvRows(name, header, (columns != null) ? COLUMNS_OPTION : HEADER_LINE, rows);
	}

	private static List<String> header(String name, String source, List<String> names) {
		Set<String> seen = new HashSet<>();
		for (String column : names) {
			if (column.isEmpty() || !seen.add(column)) {
				throw CliException.badInput(name + " " + source + ": "
						+ (column.isEmpty() ? "a column has no name" : "column '" + column + "' appears twice"));
			}
		}
		return List.copyOf(names);
	}

	/**
	 * One data row.
	 *
	 * @param number the row number, 1 for the first row after the header
	 * @param line the line it starts on
	 * @param values its values, in column order
	 */
	record Row(int number, long line, List<String> values) {

		/** "row 3 (line 4)". */
		String label() {
			return "row " + this.number + " (line " + this.line + ")";
		}

		/** The values by column name; a ragged row is a {@link CliException}. */
		Map<String, String> byColumn(List<String> header) {
			if (this.values.size() != header.size()) {
				throw CliException
					.badInput("has " + this.values.size() + " values, the header has " + header.size() + " columns");
			}
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), this.values.get(i));
			}
			return row;
		}

	}

}
