package dev.ftbridge.cli;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

import dev.ftbridge.cli.Console.Colour;

/**
 * One readable line per bridge event: command results, connection and transformation
 * status, described tables.
 */
public final class EventLines {

	private EventLines() {
	}

	/** The line for an event, or empty when it is no bridge event. */
	public static Optional<Line> of(JsonNode event) {
		JsonNode data = event.path("data");
		return switch (event.path("type").asString("")) {
			case "fivetran.command.result" -> Optional.of(result(data));
			case "fivetran.connection.status.observed" -> Optional.of(new Line(Colour.BLUE, "STATUS",
					data.path("connection_id").asString() + " setup=" + data.path("setup_state").asString("?")
							+ " sync=" + data.path("sync_state").asString("?") + " paused="
							+ data.path("paused").asString("?") + " (" + data.path("source").asString() + ")"
							+ happening(data, "sync_status")));
			case "fivetran.transformation.status.observed" -> Optional.of(new Line(Colour.BLUE, "STATUS",
					"transformation " + data.path("transformation_id").asString() + " "
							+ data.path("status").asString("?") + " (" + data.path("source").asString() + ")"
							+ happening(data, "status")));
			case "fivetran.connection.table.described" -> Optional.of(new Line(Colour.BLUE, "TABLE",
					data.path("connection_id").asString() + " " + data.path("schema").asString() + "."
							+ data.path("table").asString() + " → "
							+ data.path("schema_name_in_destination").asString(data.path("schema").asString()) + "."
							+ data.path("name_in_destination").asString(data.path("table").asString()) + " ("
							+ data.path("columns").size() + " columns)"));
			default -> Optional.empty();
		};
	}

	private static Line result(JsonNode data) {
		String outcome = data.path("outcome").asString("?");
		String resource = data.path("resource_id").asString(data.path("group_id").asString(""));
		StringBuilder text = new StringBuilder(data.path("command_type").asString()).append(' ').append(resource);
		if (data.has("part")) {
			text.append(" part ")
				.append(data.path("part").path("index").asInt() + 1)
				.append('/')
				.append(data.path("part").path("of").asInt());
		}
		if (data.has("reason")) {
			text.append(" — ").append(data.path("reason").asString());
		}
		if (data.has("sync_id")) {
			text.append(" sync ").append(data.path("sync_id").asString());
		}
		text.append(" (").append(data.path("duration_ms").asLong()).append(" ms) id ");
		text.append(data.path("command_id").asString());
		return new Line(colour(outcome), outcome, text.toString());
	}

	private static String happening(JsonNode data, String statusField) {
		if (!data.has("event")) {
			return "";
		}
		String status = data.path(statusField).asString("");
		String reason = data.has("reason") ? " — " + data.path("reason").asString() : "";
		return " " + data.path("event").asString() + (status.isEmpty() ? "" : " " + status) + reason;
	}

	private static Colour colour(String outcome) {
		return switch (outcome) {
			case "SUCCEEDED" -> Colour.GREEN;
			case "ACCEPTED" -> Colour.CYAN;
			case "DUPLICATE" -> Colour.YELLOW;
			default -> Colour.RED;
		};
	}

	/**
	 * A line to print.
	 *
	 * @param colour its colour
	 * @param label the short label (an outcome, STATUS)
	 * @param text the rest
	 */
	public record Line(Colour colour, String label, String text) {

		public void printTo(Console console) {
			console.line(this.colour, this.label, this.text);
		}

	}

}
