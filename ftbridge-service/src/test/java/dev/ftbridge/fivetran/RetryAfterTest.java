package dev.ftbridge.fivetran;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RetryAfter}.
 */
class RetryAfterTest {

	/** Saturday, 28 November 2026, 10:00:00 UTC. */
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void parseReadsDelaySeconds() {
		assertThat(RetryAfter.parse("120", CLOCK)).isEqualTo(Duration.ofSeconds(120));
		assertThat(RetryAfter.parse("0", CLOCK)).isEqualTo(Duration.ZERO);
	}

	@Test
	void parseIgnoresSurroundingWhitespace() {
		assertThat(RetryAfter.parse(" 7 ", CLOCK)).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void parseWithNegativeSecondsGivesNullForTheCallersBackoff() {
		assertThat(RetryAfter.parse("-5", CLOCK)).isNull();
		assertThat(RetryAfter.parse("+5", CLOCK)).isNull();
	}

	@Test
	void parseCapsAbsurdSecondsAtAnHour() {
		assertThat(RetryAfter.parse("99999999999999999", CLOCK)).isEqualTo(Duration.ofHours(1));
		assertThat(RetryAfter.parse("31536000", CLOCK)).isEqualTo(Duration.ofHours(1));
		assertThat(RetryAfter.parse("3599", CLOCK)).isEqualTo(Duration.ofSeconds(3599));
	}

	@Test
	void parseCapsAnHttpDateFarAhead() {
		assertThat(RetryAfter.parse("Sun, 28 Nov 2027 10:00:00 GMT", CLOCK)).isEqualTo(Duration.ofHours(1));
		assertThat(RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", CLOCK)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void parseCapsAtTheGivenMaximum() {
		assertThat(RetryAfter.parse("600", CLOCK, Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
		assertThat(RetryAfter.parse("Sat, 28 Nov 2026 10:01:30 GMT", CLOCK, Duration.ofSeconds(30)))
			.isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void parseReadsHttpDateInTheFuture() {
		assertThat(RetryAfter.parse("Sat, 28 Nov 2026 10:01:30 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void parseReadsHttpDateOnALaterDay() {
		assertThat(RetryAfter.parse("Sun, 29 Nov 2026 10:00:00 GMT", CLOCK, Duration.ofDays(2)))
			.isEqualTo(Duration.ofHours(24));
	}

	@Test
	void parseWithHttpDateInThePastGivesZero() {
		assertThat(RetryAfter.parse("Fri, 27 Nov 2026 23:59:59 GMT", CLOCK)).isEqualTo(Duration.ZERO);
	}

	@Test
	void parseWithHttpDateNowGivesZero() {
		assertThat(RetryAfter.parse("Sat, 28 Nov 2026 10:00:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
	}

	@Test
	void parseReadsObsoleteHttpDateForms() {
		assertThat(RetryAfter.parse("Saturday, 28-Nov-26 10:01:30 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(90));
		assertThat(RetryAfter.parse("Sat Nov 28 10:01:30 2026", CLOCK)).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void parseWithGarbageGivesNull() {
		assertThat(RetryAfter.parse("soon", CLOCK)).isNull();
		assertThat(RetryAfter.parse("1.5", CLOCK)).isNull();
		assertThat(RetryAfter.parse("Sat, 28 Nov 2026", CLOCK)).isNull();
	}

	@Test
	void parseWithSecondsTooLargeForALongGivesTheMaximum() {
		assertThat(RetryAfter.parse("99999999999999999999", CLOCK)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void parseWithBlankOrMissingHeaderGivesNull() {
		assertThat(RetryAfter.parse("", CLOCK)).isNull();
		assertThat(RetryAfter.parse("   ", CLOCK)).isNull();
		assertThat(RetryAfter.parse(null, CLOCK)).isNull();
	}

	@Test
	void parseWithoutClockUsesTheSystemClock() {
		assertThat(RetryAfter.parse("3")).isEqualTo(Duration.ofSeconds(3));
		assertThat(RetryAfter.parse("Mon, 01 Jan 2001 00:00:00 GMT")).isEqualTo(Duration.ZERO);
	}

}
