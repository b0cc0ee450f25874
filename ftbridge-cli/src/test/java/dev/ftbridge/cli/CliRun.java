package dev.ftbridge.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;

/**
 * One run of the CLI in this JVM, as {@code bin/ftbridge} would run it, with its output
 * captured.
 *
 * @param exitCode the exit code
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 * @param took how long it ran
 */
record CliRun(int exitCode, String out, String err, Duration took) {

	static CliRun of(String... args) {
		return of(new StringWriter(), args);
	}

	/** A run whose standard output another thread can read while it runs. */
	static CliRun of(StringWriter out, String... args) {
		return of(BridgeCli.commandLine(), out, args);
	}

	/**
	 * A {@code bulk} run whose {@code {{env.NAME}}} placeholders read these variables
	 * instead of the process environment.
	 */
	static CliRun bulk(Map<String, String> environment, String... args) {
		CommandLine cli = BridgeCli.commandLine();
		((BulkCommand) cli.getSubcommands().get("bulk").getCommand()).environment = environment::get;
		String[] all = new String[args.length + 1];
		all[0] = "bulk";
		System.arraycopy(args, 0, all, 1, args.length);
		return of(cli, new StringWriter(), all);
	}

	private static CliRun of(CommandLine cli, StringWriter out, String... args) {
		StringWriter err = new StringWriter();
		cli.setOut(new PrintWriter(out, true));
		cli.setErr(new PrintWriter(err, true));
		long start = System.nanoTime();
		int exitCode = cli.execute(args);
		return new CliRun(exitCode, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - start));
	}

	List<String> lines() {
		return this.out.isEmpty() ? List.of() : Arrays.asList(this.out.split("\n"));
	}

	/**
	 * The first word of each line: the command ids {@code send} and {@code bulk} print.
	 */
	List<String> ids() {
		return lines().stream().map((line) -> line.split("\t")[0]).toList();
	}

	@Override
	public String toString() {
		return "exit " + this.exitCode + "\n--- out:\n" + this.out + "\n--- err:\n" + this.err;
	}

}
