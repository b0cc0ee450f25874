package dev.ftbridge.contract;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ftbridge.contract.IncomingRecord.Header;
import dev.ftbridge.contract.Rejection.Reason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code fivetranaccount} extension attribute: read in both modes into
 * {@link Command#account()}, {@code default} when absent, malformed names refused without
 * being repeated, unknown ones refused by a reader that knows the configured accounts.
 */
class CommandReaderAccountTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T08:00:00Z"), ZoneOffset.UTC);

	private final CommandReader reader = new CommandReader(new CommandSchemas(), 1_048_576, CLOCK,
			Set.of("default", "eu", "trial-2")::contains);

	@Test
	void readWithoutAttributeRunsOnTheDefaultAccount() {
		assertThat(accepted(this.reader.read(structured(""))).account()).isEqualTo(AccountName.DEFAULT);
	}

	@Test
	void readStructuredAttributeNamesTheAccount() {
		assertThat(accepted(this.reader.read(structured("\"fivetranaccount\":\"trial-2\","))).account())
			.isEqualTo("trial-2");
	}

	@Test
	void readBinaryHeaderNamesTheAccount() {
		IncomingRecord record = record("{\"connection_id\":\"c1\"}", header("ce_specversion", "1.0"),
				header("ce_id", "cmd-b"), header("ce_source", "urn:x"), header("ce_type", "fivetran.connection.pause"),
				header("ce_fivetranaccount", "eu"));
		assertThat(accepted(this.reader.read(record)).account()).isEqualTo("eu");
	}

	@Test
	void readRejectsAnAccountTheBridgeDoesNotHaveNamingIt() {
		Rejection rejection = rejected(this.reader.read(structured("\"fivetranaccount\":\"apac\",")));
		assertThat(rejection.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
		assertThat(rejection.detail()).contains("'apac'");
		assertThat(rejection.commandId()).isEqualTo("cmd-a");
		assertThat(rejection.commandType()).isEqualTo("fivetran.connection.pause");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "EU", "eu_west", "-eu", "", "a234567890123456789012345678901234", "eu west", "s3cr3t\\u0007" })
	void readRejectsAMalformedAccountNameWithoutRepeatingIt(String escaped) {
		Rejection rejection = rejected(this.reader.read(structured("\"fivetranaccount\":\"" + escaped + "\",")));
		assertThat(rejection.reason()).isEqualTo(Reason.INVALID_ATTRIBUTE);
		assertThat(rejection.detail()).contains("fivetranaccount");
		if (!escaped.isEmpty()) {
			assertThat(rejection.detail()).doesNotContain(escaped.replace("\\u0007", ""));
		}
	}

	@Test
	void readRejectsANonStringAttribute() {
		assertThat(rejected(this.reader.read(structured("\"fivetranaccount\":7,"))).reason())
			.isEqualTo(Reason.INVALID_ATTRIBUTE);
	}

	@Test
	void readerWithoutConfiguredAccountsTakesAnyWellFormedName() {
		CommandReader lenient = new CommandReader(new CommandSchemas(), 1_048_576, CLOCK);
		assertThat(accepted(lenient.read(structured("\"fivetranaccount\":\"apac\","))).account()).isEqualTo("apac");
		assertThat(rejected(lenient.read(structured("\"fivetranaccount\":\"APAC\","))).reason())
			.isEqualTo(Reason.INVALID_ATTRIBUTE);
	}

	@Test
	void accountNamesFollowTheRule() {
		assertThat(AccountName.valid("default")).isTrue();
		assertThat(AccountName.valid("a")).isTrue();
		assertThat(AccountName.valid("eu-2")).isTrue();
		assertThat(AccountName.valid("a".repeat(32))).isTrue();
		assertThat(AccountName.valid("a".repeat(33))).isFalse();
		assertThat(AccountName.valid("Eu")).isFalse();
		assertThat(AccountName.valid(null)).isFalse();
	}

	private static IncomingRecord structured(String extraAttributes) {
		String value = "{\"specversion\":\"1.0\",\"id\":\"cmd-a\",\"source\":\"urn:x\","
				+ "\"type\":\"fivetran.connection.pause\"," + extraAttributes + "\"data\":{\"connection_id\":\"c1\"}}";
		return record(value, header("content-type", "application/cloudevents+json"));
	}

	private static IncomingRecord record(String value, Header... headers) {
		return new IncomingRecord("commands", 0, 1, 0, null, value.getBytes(StandardCharsets.UTF_8),
				new ArrayList<>(List.of(headers)));
	}

	private static Header header(String name, String value) {
		return new Header(name, value.getBytes(StandardCharsets.UTF_8));
	}

	private static Command accepted(ReadResult result) {
		assertThat(result).isInstanceOf(ReadResult.Accepted.class);
		return ((ReadResult.Accepted) result).command();
	}

	private static Rejection rejected(ReadResult result) {
		assertThat(result).isInstanceOf(ReadResult.Rejected.class);
		return ((ReadResult.Rejected) result).rejection();
	}

}
