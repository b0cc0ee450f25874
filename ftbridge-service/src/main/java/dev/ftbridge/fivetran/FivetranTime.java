package dev.ftbridge.fivetran;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;

/**
 * Fivetran's timestamps (ISO-8601 with an offset, e.g. {@code 2024-05-01T10:00:00.123Z}),
 * read tolerantly: a missing, blank or unreadable one is {@code null} ("never"), so a
 * malformed field never fails a command or a poll. The one place the bridge parses them.
 */
public final class FivetranTime {

	private FivetranTime() {
	}

	/** The instant of {@code text}, or {@code null} when it is missing or unreadable. */
	public static Instant parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Instant fast = parseCommonForm(text);
		if (fast != null) {
			return fast;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * The common form, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}, read by hand:
	 * every webhook carries one, and {@link OffsetDateTime#parse} costs several
	 * microseconds of CPU each. Null for any other form (the full parser then decides);
	 * the same values are checked as strictly ({@link LocalDateTime#of},
	 * {@link ZoneOffset#ofHoursMinutes} throw on 24:00, 02-30 or +19:00).
	 */
	static Instant parseCommonForm(String text) {
		int length = text.length();
		if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if ((year | month | day | hour | minute | second) < 0) {
			return null;
		}
		int at = 19;
		int nanos = 0;
		if (text.charAt(at) == '.') {
			int start = ++at;
			while (at < length && at - start < 9 && isDigit(text.charAt(at))) {
				nanos = nanos * 10 + (text.charAt(at) - '0');
				at++;
			}
			if (at == start) {
				return null;
			}
			for (int scale = at - start; scale < 9; scale++) {
				nanos *= 10;
			}
		}
		ZoneOffset offset = offset(text, at);
		if (offset == null) {
			return null;
		}
		try {
			return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static ZoneOffset offset(String text, int at) {
		int rest = text.length() - at;
		if (rest == 1 && text.charAt(at) == 'Z') {
			return ZoneOffset.UTC;
		}
		char sign = (rest == 6) ? text.charAt(at) : ' ';
		if ((sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
			return null;
		}
		int hours = digits(text, at + 1, 2);
		int minutes = digits(text, at + 4, 2);
		if ((hours | minutes) < 0) {
			return null;
		}
		try {
			return (sign == '+') ? ZoneOffset.ofHoursMinutes(hours, minutes)
					: ZoneOffset.ofHoursMinutes(-hours, -minutes);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** The number in {@code count} ASCII digits at {@code from}, or -1. */
	private static int digits(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** The instant of a text field of {@code node}, or {@code null}. */
	public static Instant field(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? parse(value.asString()) : null;
	}

}
