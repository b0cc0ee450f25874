package dev.ftbridge.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code ftbridge dlt list}: dead letters grouped by reason. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Dead letters grouped by reason: how many, and the first few of each group.",
				"Each line names the dead letter as PARTITION:OFFSET, for dlt show and dlt replay --at." })
final class DltListCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private DltFilter filter;

	@Option(names = "--details", paramLabel = "N", defaultValue = "5",
			description = "Dead letters shown per reason (default: ${DEFAULT-VALUE}).")
	private int details;

	@Option(names = "--json", description = "One JSON document: every group with its count and all its dead letters.")
	private boolean json;

	@Mixin
	private DeadLetterTopic deadLetters;

	@Mixin
	private KafkaOptions kafka;

	@Override
	public Integer call() {
		Map<String, List<DeadLetter>> groups = new LinkedHashMap<>();
		this.deadLetters.read(this.kafka)
			.stream()
			.filter(this.filter)
			.forEach((letter) -> groups.computeIfAbsent(letter.reason(), (r) -> new java.util.ArrayList<>())
				.add(letter));
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.json) {
			out.println(Printable.json(JsonInput.JSON.writeValueAsString(json(groups))));
		}
		else {
			text(groups, out);
		}
		out.flush();
		return 0;
	}

	private void text(Map<String, List<DeadLetter>> groups, PrintWriter out) {
		if (groups.isEmpty()) {
			out.println("no dead letters" + (this.filter.any() ? " match" : ""));
			return;
		}
		groups.entrySet()
			.stream()
			.sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
			.forEach((group) -> {
				out.println(Printable.text(group.getKey()) + "\t" + group.getValue().size());
				group.getValue()
					.stream()
					.limit(Math.max(0, this.details))
					.forEach((letter) -> out.println(line(letter)));
				if (group.getValue().size() > this.details) {
					out.println("  … " + (group.getValue().size() - this.details) + " more");
				}
			});
	}

	private static String line(DeadLetter letter) {
		return "  " + letter.ref() + "\t" + letter.timestamp() + "\t" + text(letter.type()) + "\tid "
				+ text(letter.id()) + "\tkey " + ((letter.key() != null) ? Printable.bytes(letter.key()) : "-") + "\t"
				+ Printable.text(letter.detail());
	}

	private static String text(String value) {
		return (value != null) ? Printable.text(value) : "-";
	}

	private static ObjectNode json(Map<String, List<DeadLetter>> groups) {
		ObjectNode root = JsonInput.JSON.createObjectNode();
		ArrayNode array = root.putArray("groups");
		groups.forEach((reason, letters) -> {
			ObjectNode group = array.addObject();
			group.put("reason", reason);
			group.put("count", letters.size());
			ArrayNode items = group.putArray("dead_letters");
			letters.forEach((letter) -> {
				ObjectNode item = items.addObject();
				item.put("partition", letter.partition());
				item.put("offset", letter.offset());
				item.put("timestamp", letter.timestamp().toString());
				item.put("id", letter.id());
				item.put("type", letter.type());
				item.put("key", letter.keyText());
				item.put("detail", letter.detail());
				item.put("omitted", letter.omitted());
			});
		});
		return root;
	}

}
