package dev.ftbridge.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pieces of {@code dlt} that need no broker: RFC 7386 merge patches, terminal-safe
 * text, and ids derived for {@code --new-ids}.
 */
class DltTextTest {

	@Test
	void mergePatchFollowsRfc7386() {
		String target = "{\"a\":\"b\",\"c\":{\"d\":\"e\",\"f\":\"g\"},\"keep\":[1,2]}";
		String patch = "{\"a\":\"z\",\"c\":{\"f\":null},\"new\":{\"x\":1},\"keep\":[3]}";

		assertThat(MergePatch.apply(JsonInput.JSON.readTree(target), JsonInput.JSON.readTree(patch)))
			.isEqualTo(JsonInput.JSON.readTree("{\"a\":\"z\",\"c\":{\"d\":\"e\"},\"keep\":[3],\"new\":{\"x\":1}}"));
		assertThat(MergePatch.apply(JsonInput.JSON.readTree("[1]"), JsonInput.JSON.readTree("{\"a\":null}")))
			.isEqualTo(JsonInput.JSON.readTree("{}"));
		assertThat(MergePatch.apply(null, JsonInput.JSON.readTree("{\"a\":1}")))
			.isEqualTo(JsonInput.JSON.readTree("{\"a\":1}"));
	}

	@Test
	void nothingUnsafeReachesTheTerminal() {
		byte[] notUtf8 = { 'o', 'k', (byte) 0xff, 0x1b, '[', '2', 'J', '\\' };

		assertThat(Printable.bytes(notUtf8)).isEqualTo("ok\\xff\\x1b[2J\\x5c");
		assertThat(Printable.text("a\u001b]0;x\u0007\u202eb\u2028c\td\\"))
			.isEqualTo("a\\u001b]0;x\\u0007\\u202eb\\u2028c\\td\\\\");
		assertThat(Printable.json("{\n  \"a\" : \"\u009b\u2066\"\n}")).isEqualTo("{\n  \"a\" : \"\\u009b\\u2066\"\n}");
		assertThat(Printable.text("Grüße 🙂")).isEqualTo("Grüße 🙂");
	}

	@Test
	void newIdsAreFreshAndTheSameForTheSameOldId() {
		assertThat(Replays.newId("cmd-1")).isEqualTo(Replays.newId("cmd-1"))
			.isNotEqualTo(Replays.newId("cmd-2"))
			.startsWith("replay-")
			.doesNotContain("cmd-1");
	}

}
