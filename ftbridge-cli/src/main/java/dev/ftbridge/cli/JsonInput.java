package dev.ftbridge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON from the command line or from files, with messages that name the input. */
final class JsonInput {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonInput() {
	}

	/** Inline JSON, or {@code @file} to read it from a file. */
	static JsonNode textOrFile(String option, String value) {
		if (value.startsWith("@")) {
			return file(Path.of(value.substring(1)));
		}
		return parse(option, value);
	}

	static JsonNode file(Path file) {
		return parse(file.toString(), read(file));
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (NoSuchFileException ex) {
			throw CliException.badInput(file + ": no such file");
		}
		catch (IOException ex) {
			throw CliException.badInput(file + ": cannot read it: " + ex.getMessage());
		}
	}

	static JsonNode parse(String what, String json) {
		try {
			return JSON.readTree(json);
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null)
					? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")"
					: "";
			throw CliException.badInput(what + " is not valid JSON: " + ex.getOriginalMessage() + where);
		}
	}

}
