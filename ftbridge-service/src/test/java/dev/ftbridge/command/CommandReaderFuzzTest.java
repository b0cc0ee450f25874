package dev.ftbridge.command;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandReader;
import dev.ftbridge.contract.CommandSchemas;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.IncomingRecord;
import dev.ftbridge.contract.ReadResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Mutates valid commands of every type (the examples of every command schema) and reads
 * them: byte flips, truncation, duplicated keys, control characters, huge strings, deep
 * nesting, swapped types and path-like ids. Whatever arrives, the reader answers exactly
 * once, the same way every time, and what it accepts has Fivetran-shaped ids and real
 * names. A seeded mutator in a plain JUnit test: the same 10,000 inputs every run.
 */
class CommandReaderFuzzTest {

	private static final Pattern FIVETRAN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final List<String> NAME_FIELDS = List.of("schema_name", "table_name", "column_name");

	private static final List<String> NAME_MAPS = List.of("schemas", "tables", "columns", "scope");

	private static final CommandReader READER = new CommandReader(new CommandSchemas(), 1024 * 1024,
			Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));

	private static final List<String> SEEDS = seeds();

	private static final int TRIES = 10_000;

	@Test
	void everyMutatedCommandGetsOneDeterministicAnswer() {
		Random random = new Random(20261128);
		long started = System.nanoTime();
		int accepted = 0;
		for (int i = 0; i < TRIES; i++) {
			byte[] value = mutated(random);
			String sample = new String(value, 0, Math.min(value.length, 300), StandardCharsets.UTF_8);
			ReadResult[] results = new ReadResult[2];
			assertThatNoException().as(sample).isThrownBy(() -> {
				results[0] = READER.read(record(value));
				results[1] = READER.read(record(value));
			});
			assertThat(results[0]).as(sample).isNotNull();
			assertThat(results[0] instanceof ReadResult.Accepted ^ results[0] instanceof ReadResult.Rejected).isTrue();
			assertThat(same(results[0], results[1])).as("deterministic: " + sample).isTrue();
			if (results[0] instanceof ReadResult.Accepted read) {
				checkIdsAndNames(read.command().data());
				accepted++;
			}
		}
		System.out.printf("%d mutated commands read twice in %d ms, %d accepted%n", TRIES,
				(System.nanoTime() - started) / 1_000_000, accepted);
		// some mutations leave a valid command: the checks on accepted ones did run
		assertThat(accepted).isBetween(100, TRIES - 100);
	}

	static byte[] mutated(Random random) {
		return mutated(random, "fuzz-1");
	}

	/** A mutated command that had that id before it was mutated. */
	static byte[] mutated(Random random, String id) {
		String seed = SEEDS.get(random.nextInt(SEEDS.size()));
		String text = seed.replace("\"id\":\"fuzz-1\"", "\"id\":\"" + id + "\"");
		int mutations = 1 + random.nextInt(3);
		for (int i = 0; i < mutations; i++) {
			text = mutate(random, text);
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (random.nextInt(6) == 0 && bytes.length > 0) {
			bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
		}
		return bytes;
	}

	private static String mutate(Random random, String text) {
		switch (random.nextInt(9)) {
			case 0:
				return text.substring(0, random.nextInt(text.length() + 1));
			case 1:
				return duplicateKey(random, text);
			case 2:
				return insert(random, text, String.valueOf((char) random.nextInt(0x20)));
			case 3:
				return insert(random, text, "\\u00" + String.format("%02x", random.nextInt(0x20)));
			case 4:
				return replaceValue(random, text, "a".repeat(1 + random.nextInt(200_000)));
			case 5:
				int depth = 1 + random.nextInt(120);
				return text.replaceFirst("\"data\":",
						"\"data\":" + "[".repeat(depth) + "0" + "]".repeat(depth) + ",\"x\":");
			case 6:
				CommandType other = CommandType.values()[random.nextInt(CommandType.values().length)];
				return text.replaceFirst("\"type\":\"[^\"]*\"", "\"type\":\"" + other.type() + "\"");
			case 7:
				String[] bad = { "..", ".", "", "a/b", "../../v1/users", "c\\u0000; DROP", " ", "%2e%2e",
						"x".repeat(65) };
				return replaceValue(random, text, bad[random.nextInt(bad.length)]);
			default:
				return swapValueType(random, text);
		}
	}

	private static String duplicateKey(Random random, String text) {
		List<Integer> keys = positions(text, "\":");
		if (keys.isEmpty()) {
			return text;
		}
		int end = keys.get(random.nextInt(keys.size()));
		int start = text.lastIndexOf('"', end - 1);
		if (start < 0) {
			return text;
		}
		String key = text.substring(start, end + 1);
		int open = text.lastIndexOf('{', start);
		return (open < 0) ? text : text.substring(0, open + 1) + key + ":\"dup\"," + text.substring(open + 1);
	}

	private static String replaceValue(Random random, String text, String value) {
		List<Integer> values = positions(text, "\":\"");
		if (values.isEmpty()) {
			return text;
		}
		int start = values.get(random.nextInt(values.size())) + 3;
		int end = text.indexOf('"', start);
		return (end < 0) ? text : text.substring(0, start) + value + text.substring(end);
	}

	private static String swapValueType(Random random, String text) {
		List<Integer> values = positions(text, "\":\"");
		if (values.isEmpty()) {
			return text;
		}
		int start = values.get(random.nextInt(values.size())) + 2;
		int end = text.indexOf('"', start + 1);
		String[] replacements = { "1", "true", "null", "{}", "[]", "1e999", "[\"a\"]" };
		return (end < 0) ? text : text.substring(0, start) + replacements[random.nextInt(replacements.length)]
				+ text.substring(end + 1);
	}

	private static String insert(Random random, String text, String inserted) {
		int at = random.nextInt(text.length() + 1);
		return text.substring(0, at) + inserted + text.substring(at);
	}

	private static List<Integer> positions(String text, String of) {
		List<Integer> found = new ArrayList<>();
		for (int at = text.indexOf(of); at >= 0; at = text.indexOf(of, at + 1)) {
			found.add(at);
		}
		return found;
	}

	private static void checkIdsAndNames(JsonNode node) {
		node.properties().forEach((entry) -> {
			String name = entry.getKey();
			JsonNode value = entry.getValue();
			if (name.endsWith("_id") && value.isString()) {
				assertThat(value.asString()).as(name).matches(FIVETRAN_ID);
			}
			if (name.equals("group_ids")) {
				value.forEach((id) -> assertThat(id.asString()).as(name).matches(FIVETRAN_ID));
			}
			if (NAME_FIELDS.contains(name)) {
				assertName(value.asString());
			}
			if (NAME_MAPS.contains(name) && value.isObject()) {
				value.propertyNames().forEach(CommandReaderFuzzTest::assertName);
				if (name.equals("scope")) {
					value.forEach((tables) -> tables.forEach((table) -> assertName(table.asString())));
				}
			}
			if (value.isObject() && !name.equals("config")) {
				checkIdsAndNames(value);
			}
		});
	}

	private static void assertName(String name) {
		assertThat(name).isNotEmpty().isNotIn(".", "..").doesNotContainPattern("\\p{Cntrl}");
	}

	private static boolean same(ReadResult first, ReadResult second) {
		if (first instanceof ReadResult.Rejected rejected) {
			return rejected.equals(second);
		}
		Command one = ((ReadResult.Accepted) first).command();
		Command two = ((ReadResult.Accepted) second).command();
		return one.id().equals(two.id()) && one.type() == two.type() && one.key().equals(two.key())
				&& one.data().equals(two.data());
	}

	private static IncomingRecord record(byte[] value) {
		return new IncomingRecord("commands", 0, 0, 0, null, value, List.of());
	}

	/** Every example of every command schema, as a structured-mode command. */
	private static List<String> seeds() {
		JsonMapper json = JsonMapper.builder().build();
		List<String> seeds = new ArrayList<>();
		for (CommandType type : CommandType.values()) {
			try (InputStream in = CommandReaderFuzzTest.class.getClassLoader()
				.getResourceAsStream("topics/schemas/commands/" + type.type() + ".json")) {
				for (JsonNode example : json.readTree(in).path("examples")) {
					seeds.add("{\"specversion\":\"1.0\",\"id\":\"fuzz-1\",\"source\":\"urn:fuzz\",\"type\":\""
							+ type.type() + "\",\"subject\":\"s\",\"data\":" + example + "}");
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		assertThat(seeds).hasSizeGreaterThanOrEqualTo(CommandType.values().length);
		for (String seed : seeds) {
			assertThat(READER.read(record(seed.getBytes(StandardCharsets.UTF_8)))).as(seed)
				.isInstanceOf(ReadResult.Accepted.class);
		}
		return seeds;
	}

}
