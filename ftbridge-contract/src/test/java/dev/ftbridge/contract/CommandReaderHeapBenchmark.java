package dev.ftbridge.contract;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the heap a read command takes per byte of input, for the shapes that cost the
 * most: about 1 MiB of small objects, arrays, entries or strings, each filled to the most
 * the reader accepts. Prints the figures; asserts only what is accepted and refused.
 */
class CommandReaderHeapBenchmark {

	private static final int MAX_BYTES = 1024 * 1024;

	private final CommandReader reader = new CommandReader(new CommandSchemas(), MAX_BYTES, Clock.systemUTC());

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			empty objects   | {}
			empty arrays    | []
			one-entry maps  | {"a":1}
			short strings   | "x"
			small numbers   | 1
			""")
	void worstAcceptedShapeStaysWithinTheBudget(String shape, String unit) {
		// the most units that still pass, the rest of the 1 MiB a plain string
		IntFunction<byte[]> command = (units) -> create(unit, units);
		int low = 0;
		int high = MAX_BYTES / (unit.length() + 1);
		assertThat(accepted(command.apply(high))).as("a mebibyte of " + shape + " is refused").isFalse();
		while (high - low > 1) {
			int middle = (low + high) >>> 1;
			if (accepted(command.apply(middle))) {
				low = middle;
			}
			else {
				high = middle;
			}
		}
		byte[] worst = command.apply(low);
		long heap = retainedHeap(worst);
		System.out.printf("heap per input byte, %s (%d units, %d bytes): %.1f%n", shape, low, worst.length,
				(double) heap / worst.length);
		assertThat(accepted(worst)).isTrue();
	}

	@Test
	void legitimateLargeCommandsAreAcceptedAndMeasured() {
		String schemas = CommandReaderTest.schemaUpdateMap(250);
		byte[] update = ("{\"specversion\":\"1.0\",\"id\":\"heap\",\"source\":\"urn:x\","
				+ "\"type\":\"fivetran.connection.schema.update\",\"data\":{\"connection_id\":\"c1\",\"schemas\":{"
				+ schemas + "}}}")
			.getBytes(StandardCharsets.UTF_8);
		String pem = "-----BEGIN PRIVATE KEY-----\\n" + "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n".repeat(25_000)
				+ "-----END PRIVATE KEY-----\\n";
		byte[] create = ("{\"specversion\":\"1.0\",\"id\":\"heap\",\"source\":\"urn:x\","
				+ "\"type\":\"fivetran.connection.create\",\"data\":{\"service\":\"snowflake_db\",\"group_id\":\"g1\","
				+ "\"config\":{\"schema\":\"sf\",\"private_key\":\"" + pem + "\"}}}")
			.getBytes(StandardCharsets.UTF_8);
		for (byte[] value : List.of(update, create)) {
			assertThat(value.length).isBetween(700_000, MAX_BYTES);
			long heap = retainedHeap(value);
			System.out.printf("heap per input byte, legitimate %s (%d bytes): %.1f%n",
					(value == update) ? "schema update" : "create with a PEM key", value.length,
					(double) heap / value.length);
		}
	}

	@Test
	void mebibyteOfTinyObjectsIsRefusedBeforeTheTreeIsBuilt() {
		byte[] value = create("{}", 349_000);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		boolean accepted = accepted(value);
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		System.out.printf("refusing %d bytes of empty objects allocated %d KiB (%.3f bytes per input byte)%n",
				value.length, allocated / 1024, (double) allocated / value.length);
		assertThat(accepted).isFalse();
	}

	private boolean accepted(byte[] value) {
		return this.reader.read(record(value)) instanceof ReadResult.Accepted;
	}

	private long retainedHeap(byte[] value) {
		long before = usedAfterGc();
		ReadResult result = this.reader.read(record(value));
		long after = usedAfterGc();
		assertThat(result).isInstanceOf(ReadResult.Accepted.class);
		return after - before;
	}

	private static long usedAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static byte[] create(String unit, int units) {
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < units; i++) {
			items.append((i > 0) ? "," : "").append(unit);
		}
		String head = "{\"specversion\":\"1.0\",\"id\":\"heap\",\"source\":\"urn:x\",\"type\":\"fivetran.connection.create\","
				+ "\"data\":{\"service\":\"postgres\",\"group_id\":\"g1\",\"config\":{\"schema\":\"s\",\"x\":[";
		String middle = "],\"pad\":\"";
		String tail = "\"}}}";
		int padding = Math.max(0, MAX_BYTES - head.length() - items.length() - middle.length() - tail.length());
		return (head + items + middle + "p".repeat(padding) + tail).getBytes(StandardCharsets.UTF_8);
	}

	private static IncomingRecord record(byte[] value) {
		return new IncomingRecord("commands", 0, 0, 0, null, value, List.of());
	}

}
