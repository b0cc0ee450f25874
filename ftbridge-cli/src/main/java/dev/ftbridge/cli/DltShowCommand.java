package dev.ftbridge.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

import dev.ftbridge.contract.IncomingRecord;

/** {@code ftbridge dlt show}: one dead letter, in full. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "One dead letter: reason, detail, where it came from, its headers and the original record",
				"(JSON pretty-printed, anything else escaped: nothing from the record reaches the terminal raw)." })
final class DltShowCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(paramLabel = "PARTITION:OFFSET|OFFSET|ID",
			description = "The dead letter: where it is (an offset alone when only one partition has it), or the command id.")
	private String which;

	@Mixin
	private DeadLetterTopic deadLetters;

	@Mixin
	private KafkaOptions kafka;

	@Override
	public Integer call() {
		List<DeadLetter> found = this.deadLetters.read(this.kafka).stream().filter(this::named).toList();
		if (found.isEmpty()) {
			throw new CliException(CliException.FAILED, "no dead letter " + Printable.text(this.which));
		}
		PrintWriter out = this.spec.commandLine().getOut();
		for (DeadLetter letter : found) {
			print(letter, out);
		}
		out.flush();
		return 0;
	}

	private boolean named(DeadLetter letter) {
		return letter.ref().equals(this.which) || Long.toString(letter.offset()).equals(this.which)
				|| this.which.equals(letter.id());
	}

	private static void print(DeadLetter letter, PrintWriter out) {
		out.println("dead letter " + letter.ref() + " written " + letter.timestamp());
		out.println("reason:   " + Printable.text(letter.reason()));
		out.println("detail:   " + Printable.text(letter.detail()));
		out.println("original: " + Printable.text(String.valueOf(letter.header("kafka_dlt-original-topic"))) + " "
				+ Printable.text(String.valueOf(letter.header("kafka_dlt-original-partition"))) + ":"
				+ Printable.text(String.valueOf(letter.header("kafka_dlt-original-offset"))));
		if (letter.omitted()) {
			out.println("omitted:  " + Printable.text(letter.header(DeadLetter.OMITTED)));
		}
		out.println("headers:");
		for (IncomingRecord.Header header : letter.headers()) {
			out.println("  " + Printable.text(header.name()) + ": " + Printable.bytes(header.value()));
		}
		out.println("key:      " + Printable.bytes(letter.key()));
		out.println("value:");
		out.println(value(letter));
		out.println();
	}

	private static String value(DeadLetter letter) {
		JsonNode json = letter.json();
		if (json != null) {
			return Printable
				.json(JsonInput.JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
		}
		return Printable.bytes(letter.value());
	}

}
