package dev.ftbridge.contract;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.Rejection.Reason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line tool's check agrees with the bridge on strict reading.
 */
class CommandValidatorTest {

	private final CommandValidator validator = new CommandValidator();

	@Test
	void duplicateTypeIsRejectedAsTheBridgeWould() {
		assertThat(reason(null,
				"{\"specversion\":\"1.0\",\"id\":\"v1\",\"source\":\"urn:cli\","
						+ "\"type\":\"fivetran.connection.pause\",\"type\":\"fivetran.connection.delete\","
						+ "\"data\":{\"connection_id\":\"c1\"}}"))
			.isEqualTo(Reason.NOT_JSON);
	}

	@Test
	void pathLikeConnectionIdIsRejectedAsTheBridgeWould() {
		assertThat(reason(null,
				"{\"specversion\":\"1.0\",\"id\":\"v2\",\"source\":\"urn:cli\","
						+ "\"type\":\"fivetran.connection.delete\",\"data\":{\"connection_id\":\"../../v1/users\"}}"))
			.isEqualTo(Reason.SCHEMA_VIOLATION);
	}

	@Test
	void keyWithControlCharacterIsRejectedAsTheBridgeWould() {
		assertThat(reason("c1\n",
				"{\"specversion\":\"1.0\",\"id\":\"v3\",\"source\":\"urn:cli\","
						+ "\"type\":\"fivetran.connection.pause\",\"data\":{\"connection_id\":\"c1\"}}"))
			.isEqualTo(Reason.INVALID_ATTRIBUTE);
	}

	private Reason reason(String key, String value) {
		ReadResult result = this.validator.read(key, value.getBytes(StandardCharsets.UTF_8));
		assertThat(result).isInstanceOf(ReadResult.Rejected.class);
		return ((ReadResult.Rejected) result).rejection().reason();
	}

}
