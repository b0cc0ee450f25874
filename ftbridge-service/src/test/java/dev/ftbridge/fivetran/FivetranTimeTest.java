package dev.ftbridge.fivetran;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FivetranTimeTest {

	@Test
	void parseReadsWhatFivetranSends() {
		assertThat(FivetranTime.parse("2024-05-01T10:00:00.123Z")).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
		assertThat(FivetranTime.parse("2024-05-01T12:00:00+02:00")).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
		assertThat(FivetranTime.parse("2024-05-01T10:00:00.1-01:30"))
			.isEqualTo(Instant.parse("2024-05-01T11:30:00.1Z"));
	}

	@Test
	void parseWhenMissingOrUnreadableIsNull() {
		for (String text : List.of("", " ", "yesterday", "2024-02-30T10:00:00Z", "2024-05-01T24:00:00Z",
				"2024-05-01T10:00:60Z", "2024-13-01T10:00:00Z", "2024-05-01T10:00:00+19:00", "2024-05-01T10:00:00",
				"2024-05-01T10:00:00.1234567891Z", "2024-05-01T10:00:00ZZ", "2024-05-01 10:00:00Z",
				"2024-05-01T10:0a:00Z")) {
			assertThat(FivetranTime.parse(text)).as(text).isNull();
		}
		assertThat(FivetranTime.parse(null)).isNull();
	}

	@Test
	void parseAgreesWithTheFullParserOnEveryForm() {
		Random random = new Random(13);
		List<String> offsets = List.of("Z", "+00:00", "-00:00", "+05:30", "-11:45", "+18:00", "-18:00", "+14:00");
		for (int i = 0; i < 20_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
					random.nextInt(1_000_000_000));
			String offset = offsets.get(random.nextInt(offsets.size()));
			String text = OffsetDateTime.ofInstant(instant, ZoneOffset.of(offset)).toString();
			if (offset.equals("-00:00")) {
				text = text.replace("Z", "-00:00");
			}
			assertThat(FivetranTime.parse(text)).as(text).isEqualTo(expected(text));
		}
	}

	@Test
	void parseAgreesWithTheFullParserOnMangledTexts() {
		Random random = new Random(7);
		String valid = "2024-02-29T23:59:59.999999999+01:00";
		String alphabet = "0123456789-:T.Z+ z";
		for (int i = 0; i < 20_000; i++) {
			char[] text = valid.toCharArray();
			text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
			String mangled = new String(text, 0, text.length - random.nextInt(3));
			assertThat(FivetranTime.parse(mangled)).as(mangled).isEqualTo(expected(mangled));
		}
	}

	private static Instant expected(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
