package dev.ftbridge.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ftbridge.BridgeIntegrationTest;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Poison input never stops the consumer: bad records of every kind, interleaved with good
 * ones on one key (one partition, one lane), go to the dead-letter topic with their
 * reason and original bytes, and every good command still succeeds.
 */
class PoisonCommandIntegrationTest extends BridgeIntegrationTest {

	private static final Map<String, String> STRUCTURED = Map.of("content-type", "application/cloudevents+json");

	@Test
	void everyBadRecordIsDeadLetteredAndEveryGoodOneSucceeds() {
		String key = CommandFlowIntegrationTest.unique("poison");
		List<Poison> poisons = poisons(key);
		List<String> good = new ArrayList<>();
		for (Poison poison : poisons) {
			good.add(sendGood(key));
			commands().sendRaw(key, poison.value(), poison.headers());
		}
		good.add(sendGood(key));

		for (String id : good) {
			assertThat(resultOf(id).dataText("outcome")).as("good command %s", id).isEqualTo("SUCCEEDED");
		}
		List<Recorded> letters = deadLetters().await((r) -> key.equals(r.key()), poisons.size(), WAIT);
		assertThat(letters).hasSize(poisons.size());
		for (int i = 0; i < poisons.size(); i++) {
			Poison poison = poisons.get(i);
			Recorded letter = letters.get(i);
			assertThat(letter.header("ftbridge_dlt_reason")).as(poison.name()).isEqualTo(poison.reason());
			assertThat(letter.header("ftbridge_dlt_detail")).as(poison.name())
				.isNotBlank()
				.doesNotContainPattern("\\p{Cntrl}");
			assertThat(letter.header("kafka_dlt-original-topic")).isEqualTo("fivetran.commands");
			assertThat(letter.value()).as(poison.name() + " keeps its original bytes").isEqualTo(poison.value());
			poison.headers()
				.forEach((name, value) -> assertThat(letter.header(name)).as("original header " + name)
					.isEqualTo(value));
			if (poison.commandId() != null) {
				Recorded rejected = resultOf(poison.commandId());
				assertThat(rejected.dataText("outcome")).isEqualTo("REJECTED");
				assertThat(rejected.dataText("reason")).startsWith(poison.reason());
			}
		}
	}

	private String sendGood(String key) {
		String id = Commands.newId();
		commands().send(key, id, "fivetran.connection.pause", "{\"connection_id\":\"" + key + "\"}");
		return id;
	}

	private static List<Poison> poisons(String key) {
		List<Poison> poisons = new ArrayList<>();
		poisons.add(new Poison("not JSON", "NOT_JSON", null, bytes("this is not json {"), STRUCTURED));
		poisons.add(new Poison("JSON, not a CloudEvent", "NOT_A_CLOUDEVENT", null, bytes("{\"connection_id\":\"x\"}"),
				Map.of()));
		String noSource = Commands.newId();
		poisons.add(new Poison("no source", "NOT_A_CLOUDEVENT", noSource,
				bytes("{\"specversion\":\"1.0\",\"id\":\"" + noSource
						+ "\",\"type\":\"fivetran.connection.pause\",\"data\":{\"connection_id\":\"x\"}}"),
				STRUCTURED));
		String oldSpec = Commands.newId();
		poisons.add(new Poison("specversion 0.3", "UNSUPPORTED_SPECVERSION", oldSpec,
				bytes(Commands.event(oldSpec, "fivetran.connection.pause", "{\"connection_id\":\"x\"}")
					.replace("\"1.0\"", "\"0.3\"")),
				STRUCTURED));
		String unknown = Commands.newId();
		poisons.add(new Poison("unknown type", "UNKNOWN_TYPE", unknown,
				bytes(Commands.event(unknown, "fivetran.connection.explode", "{\"connection_id\":\"x\"}")),
				STRUCTURED));
		String missingField = Commands.newId();
		poisons.add(new Poison("schema: no connection_id", "SCHEMA_VIOLATION", missingField,
				bytes(Commands.event(missingField, "fivetran.connection.pause", "{}")), STRUCTURED));
		String emptyScope = Commands.newId();
		poisons.add(new Poison("schema: empty scope", "SCHEMA_VIOLATION", emptyScope, bytes(
				Commands.event(emptyScope, "fivetran.connection.resync", "{\"connection_id\":\"x\",\"scope\":{}}")),
				STRUCTURED));
		String huge = Commands.newId();
		char[] padding = new char[1024 * 1024 + 10];
		Arrays.fill(padding, 'a');
		poisons.add(new Poison("over 1 MiB", "OVERSIZED", huge,
				bytes(Commands.event(huge, "fivetran.connection.pause",
						"{\"connection_id\":\"x\",\"note\":\"" + new String(padding) + "\"}")),
				Map.of("ce_id", huge, "ce_type", "fivetran.connection.pause")));
		String base64 = Commands.newId();
		poisons.add(new Poison("data_base64", "UNSUPPORTED_CONTENT_TYPE", base64,
				bytes("{\"specversion\":\"1.0\",\"id\":\"" + base64 + "\",\"source\":\"urn:test\","
						+ "\"type\":\"fivetran.connection.pause\",\"data_base64\":\"e30=\"}"),
				STRUCTURED));
		String binaryText = Commands.newId();
		poisons.add(new Poison("binary mode, data not JSON", "NOT_JSON", binaryText, bytes("connection_id=x"),
				Map.of("ce_specversion", "1.0", "ce_id", binaryText, "ce_source", "urn:test", "ce_type",
						"fivetran.connection.pause")));
		poisons.add(new Poison("duplicate type", "NOT_JSON", null,
				bytes("{\"specversion\":\"1.0\",\"id\":\"" + Commands.newId() + "\",\"source\":\"urn:test\","
						+ "\"type\":\"fivetran.connection.pause\",\"type\":\"fivetran.connection.delete\","
						+ "\"data\":{\"connection_id\":\"x\"}}"),
				STRUCTURED));
		String duplicateData = Commands.newId();
		poisons.add(new Poison("binary mode, duplicate key in data", "NOT_JSON", duplicateData,
				bytes("{\"connection_id\":\"x\",\"connection_id\":\"y\"}"), Map.of("ce_specversion", "1.0", "ce_id",
						duplicateData, "ce_source", "urn:test", "ce_type", "fivetran.connection.delete")));
		String pathLike = Commands.newId();
		poisons.add(new Poison("path-like connection id", "SCHEMA_VIOLATION", pathLike,
				bytes(Commands.event(pathLike, "fivetran.connection.delete", "{\"connection_id\":\"../../v1/users\"}")),
				STRUCTURED));
		String controlSource = Commands.newId();
		poisons.add(new Poison("control character in source", "INVALID_ATTRIBUTE", controlSource,
				bytes(Commands.event(controlSource, "fivetran.connection.pause", "{\"connection_id\":\"x\"}")
					.replace("urn:test", "urn:test\\u0000\\r\\n")),
				STRUCTURED));
		StringBuilder tiny = new StringBuilder();
		for (int i = 0; i < 340_000; i++) {
			tiny.append((i > 0) ? ",{}" : "{}");
		}
		poisons.add(new Poison("a mebibyte of tiny objects", "OVERSIZED", null,
				bytes(Commands.event(Commands.newId(), "fivetran.connection.create",
						"{\"service\":\"postgres\",\"group_id\":\"g\",\"config\":{\"x\":[" + tiny + "]}}")),
				STRUCTURED));
		poisons.add(new Poison("tombstone", "EMPTY", null, null, Map.of()));
		return poisons;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private record Poison(String name, String reason, String commandId, byte[] value, Map<String, String> headers) {

	}

}
