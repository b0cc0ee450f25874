package dev.ftbridge.cli;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Prints one line per happening, coloured when asked to (by default: when standard output
 * is a terminal and {@code NO_COLOR} is not set).
 */
public final class Console {

	/** The colours lines use. */
	public enum Colour {

		GREEN("32"), CYAN("36"), RED("31"), YELLOW("33"), BLUE("34"), MAGENTA("35"), GREY("90"), BOLD("1");

		private final String code;

		Colour(String code) {
			this.code = code;
		}

	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

	private final PrintWriter out;

	private final boolean colour;

	public Console(PrintWriter out, boolean colour) {
		this.out = out;
		this.colour = colour;
	}

	/** Standard output, coloured when it is a terminal and {@code NO_COLOR} is unset. */
	public static Console system() {
		return new Console(new PrintWriter(System.out, true), coloursByDefault());
	}

	/** Whether standard output is a terminal and {@code NO_COLOR} is not set. */
	static boolean coloursByDefault() {
		return System.getenv("NO_COLOR") == null && isTerminal();
	}

	public synchronized void line(Colour colour, String label, String text) {
		String time = LocalTime.now().format(TIME);
		this.out.println(paint(Colour.GREY, time) + " " + paint(colour, String.format("%-10s", label)) + " " + text);
		this.out.flush();
	}

	public synchronized void banner(String text) {
		this.out.println(paint(Colour.BOLD, text));
		this.out.flush();
	}

	private String paint(Colour colour, String text) {
		return this.colour ? "\u001b[" + colour.code + "m" + text + "\u001b[0m" : text;
	}

	private static boolean isTerminal() {
		java.io.Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			// From Java 22 System.console() exists when output is redirected too.
			Method isTerminal = java.io.Console.class.getMethod("isTerminal");
			return (Boolean) isTerminal.invoke(console);
		}
		catch (NoSuchMethodException ex) {
			return true;
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

}
