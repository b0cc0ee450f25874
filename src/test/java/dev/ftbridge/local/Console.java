package dev.ftbridge.local;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Prints one line per happening, coloured when the terminal can show colours. */
final class Console {

	enum Colour {

		GREEN("32"), CYAN("36"), RED("31"), YELLOW("33"), BLUE("34"), MAGENTA("35"), GREY("90"), BOLD("1");

		private final String code;

		Colour(String code) {
			this.code = code;
		}

	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

	private final PrintStream out;

	private final boolean colour;

	Console(PrintStream out, boolean colour) {
		this.out = out;
		this.colour = colour;
	}

	/** Colour when attached to a terminal and {@code NO_COLOR} is not set. */
	static Console system() {
		boolean colour = System.console() != null && System.getenv("NO_COLOR") == null;
		return new Console(System.out, colour);
	}

	synchronized void line(Colour colour, String label, String text) {
		String time = LocalTime.now().format(TIME);
		this.out.println(paint(Colour.GREY, time) + " " + paint(colour, String.format("%-10s", label)) + " " + text);
	}

	synchronized void banner(String text) {
		this.out.println(paint(Colour.BOLD, text));
	}

	private String paint(Colour colour, String text) {
		return this.colour ? "\u001b[" + colour.code + "m" + text + "\u001b[0m" : text;
	}

}
