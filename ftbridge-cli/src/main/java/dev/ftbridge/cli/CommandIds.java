package dev.ftbridge.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command ids from a file: the first word of each line, as {@code send} and {@code bulk}
 * print them.
 */
final class CommandIds {

	private CommandIds() {
	}

	static List<String> read(Path file) {
		boolean stdin = file.toString().equals("-");
		try (BufferedReader reader = stdin
				? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
				: Files.newBufferedReader(file)) {
			List<String> ids = new ArrayList<>();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] words = line.trim().split("\\s+", 2);
				if (!words[0].isEmpty()) {
					ids.add(words[0]);
				}
			}
			return ids;
		}
		catch (NoSuchFileException ex) {
			throw CliException.badInput(file + ": no such file");
		}
		catch (IOException ex) {
			throw CliException.badInput(file + ": cannot read it: " + ex.getMessage());
		}
	}

}
