package dev.ftbridge.fivetran;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@code Retry-After} header: delay seconds or an HTTP date (RFC 9110 §10.2.3).
 */
final class RetryAfter {

	private RetryAfter() {
	}

	static Duration parse(String header) {
		return parse(header, Clock.systemUTC());
	}

	static Duration parse(String header, Clock clock) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.trim();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
		}
		catch (NumberFormatException ex) {
			// not seconds: try an HTTP date
		}
		Instant at = httpDate(value, clock);
		if (at == null) {
			return null;
		}
		Duration wait = Duration.between(clock.instant(), at);
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	/**
	 * An HTTP date in any of the three forms RFC 9110 §5.6.7 obliges a recipient to
	 * accept.
	 */
	private static Instant httpDate(String value, Clock clock) {
		// RFC 850 years have two digits: read them as at most 50 years ahead of now.
		LocalDate base = LocalDate.now(clock).minusYears(49);
		DateTimeFormatter rfc850 = new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
			.appendValueReduced(ChronoField.YEAR, 2, 2, base)
			.appendPattern(" HH:mm:ss zzz")
			.toFormatter(Locale.ENGLISH);
		DateTimeFormatter asctime = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH)
			.withZone(ZoneOffset.UTC);
		for (DateTimeFormatter format : List.of(DateTimeFormatter.RFC_1123_DATE_TIME, rfc850, asctime)) {
			try {
				return ZonedDateTime.parse(value, format).toInstant();
			}
			catch (DateTimeParseException ex) {
				// try the next form
			}
		}
		return null;
	}

}
