package dev.ftbridge.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import picocli.CommandLine.Option;

/** Which dead letters a {@code dlt} subcommand works on; filters combine with AND. */
final class DltFilter implements Predicate<DeadLetter> {

	@Option(names = "--since", paramLabel = "WHEN",
			description = "Dead letters written since WHEN: a duration ago (30m, 2h, 7d) or an instant (2026-12-05T10:00:00Z).")
	String since;

	@Option(names = "--until", paramLabel = "WHEN",
			description = "Dead letters written before WHEN: a duration ago or an instant.")
	String until;

	@Option(names = "--reason", paramLabel = "REASON", split = ",",
			description = "Only these reasons, e.g. SCHEMA_VIOLATION,UNKNOWN_TYPE.")
	List<String> reasons = new ArrayList<>();

	@Option(names = "--type", paramLabel = "TYPE", split = ",", description = "Only commands of these types.")
	List<String> types = new ArrayList<>();

	@Option(names = "--key", paramLabel = "KEY", split = ",", description = "Only records with these keys.")
	List<String> keys = new ArrayList<>();

	@Override
	public boolean test(DeadLetter letter) {
		Instant from = instant("--since", this.since);
		Instant to = instant("--until", this.until);
		return (from == null || !letter.timestamp().isBefore(from)) && (to == null || letter.timestamp().isBefore(to))
				&& (this.reasons.isEmpty()
						|| this.reasons.stream().anyMatch((r) -> r.equalsIgnoreCase(letter.reason())))
				&& (this.types.isEmpty() || this.types.contains(letter.type()))
				&& (this.keys.isEmpty() || this.keys.contains(letter.keyText()));
	}

	/** Whether any filter was given. */
	boolean any() {
		return this.since != null || this.until != null || !this.reasons.isEmpty() || !this.types.isEmpty()
				|| !this.keys.isEmpty();
	}

	private static Instant instant(String option, String text) {
		if (text == null) {
			return null;
		}
		if (text.toUpperCase(Locale.ROOT).contains("T")) {
			try {
				return Instant.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw CliException.badInput(option + " '" + text + "' is neither a duration nor an instant");
			}
		}
		try {
			return Instant.now().minus(Durations.parse(text));
		}
		catch (RuntimeException ex) {
			throw CliException.badInput(option + " '" + text + "' is neither a duration nor an instant");
		}
	}

}
