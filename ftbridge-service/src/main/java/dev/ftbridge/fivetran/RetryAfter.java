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

	/** The longest wait a header is believed for, unless configured otherwise. */
	static final Duration DEFAULT_MAX = Duration.ofHours(1);

	static Duration parse(String header) {
		return parse(header, Clock.systemUTC(), DEFAULT_MAX);
	}

	static Duration parse(String header, Clock clock) {
		return parse(header, clock, DEFAULT_MAX);
	}

	/**
	 * The wait the header asks for, at most {@code max}; {@code null} (the caller's own
	 * back-off) when there is no header or it is neither delay seconds nor an HTTP date.
	 */
	static Duration parse(String header, Clock clock, Duration max) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.trim();
		if (value.chars().allMatch(Character::isDigit)) {
			// More seconds than a long holds is still "a very long time": the cap.
			return (value.length() > 18) ? max : atMost(Duration.ofSeconds(Long.parseLong(value)), max);
		}
		if (value.startsWith("-") || value.startsWith("+")) {
			return null;
		}
		Instant at = httpDate(value, clock);
		if (at == null) {
			return null;
		}
		Instant now = clock.instant();
		if (!at.isAfter(now)) {
			return Duration.ZERO;
		}
		return at.isAfter(now.plus(max)) ? max : Duration.between(now, at);
	}

	private static Duration atMost(Duration wait, Duration max) {
		return (wait.compareTo(max) > 0) ? max : wait;
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
