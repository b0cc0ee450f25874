package dev.ftbridge.contract;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which Jackson 3 setting refuses duplicate keys on which reading path, and the bounds.
 */
class StrictJsonTest {

	private static final byte[] DUPLICATE = bytes(
			"{\"type\":\"fivetran.connection.pause\",\"type\":\"fivetran.connection.delete\"}");

	@Test
	void defaultMapperTakesTheLastOfTwoKeys() {
		assertThat(JsonMapper.builder().build().readTree(DUPLICATE).path("type").asString())
			.isEqualTo("fivetran.connection.delete");
	}

	@Test
	void treeFeatureRefusesDuplicatesInTreesButNotWhileStreaming() {
		JsonMapper tree = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> tree.readTree(DUPLICATE));
		try (JsonParser parser = tree.createParser(DUPLICATE)) {
			while (parser.nextToken() != null) {
				// the streaming pass the command reader makes first sees nothing wrong
			}
		}
	}

	@Test
	void strictMapperRefusesDuplicatesInTreesAndWhileStreaming() {
		JsonMapper strict = StrictJson.mapper(1024);
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> strict.readTree(DUPLICATE))
			.withMessageContaining("Duplicate");
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> {
			try (JsonParser parser = strict.createParser(DUPLICATE)) {
				while (parser.nextToken() != null) {
					// reads to the duplicate
				}
			}
		});
	}

	@Test
	void strictMapperAllowsTheSameKeyInDifferentObjects() {
		assertThat(StrictJson.mapper(1024).readTree(bytes("{\"a\":{\"id\":1},\"b\":{\"id\":2}}")).size()).isEqualTo(2);
	}

	@Test
	void strictMapperBoundsNestingAndDocumentLength() {
		JsonMapper strict = StrictJson.mapper(1024);
		assertThatExceptionOfType(StreamConstraintsException.class).isThrownBy(() -> strict.readTree(
				bytes("[".repeat(StrictJson.MAX_NESTING_DEPTH + 1) + "]".repeat(StrictJson.MAX_NESTING_DEPTH + 1))));
		assertThat(strict
			.readTree(bytes("[".repeat(StrictJson.MAX_NESTING_DEPTH) + "]".repeat(StrictJson.MAX_NESTING_DEPTH)))
			.isArray()).isTrue();
		assertThatExceptionOfType(StreamConstraintsException.class)
			.isThrownBy(() -> strict.readTree(bytes("\"" + "a".repeat(2000) + "\"")));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
