package dev.ftbridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The {@code ftbridge} command: publishes commands to the bridge and follows results. */
@Command(name = "ftbridge", mixinStandardHelpOptions = true, versionProvider = BridgeCli.Version.class,
		description = "Publishes commands to the Fivetran Kafka Bridge and follows their results.",
		subcommands = { SendCommand.class, BulkCommand.class, WatchCommand.class, ReportCommand.class, DltCommand.class,
				StatusCommand.class, CommandLine.HelpCommand.class },
		footer = { "",
				"Exit codes: 0 done; 1 a watched or reported command did not succeed; 2 bad input (nothing was published);",
				"3 Kafka could not be reached or did not take the commands." })
public final class BridgeCli implements Runnable {

	@Spec
	private CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(),
				"Missing subcommand: send, bulk, watch, report, dlt or status");
	}

	public static void main(String[] args) {
		if (System.getProperty("logback.configurationFile") == null) {
			// Kafka's client logs would drown the output; the CLI says what went wrong.
			System.setProperty("logback.configurationFile", "dev/ftbridge/cli/cli-logback.xml");
		}
		System.exit(commandLine().execute(args));
	}

	/**
	 * The command line, ready to execute (tests run it in-process with their writers).
	 */
	public static CommandLine commandLine() {
		return new CommandLine(new BridgeCli())
			// "@file" means a data file here (--data @body.json), not an argument file
			.setExpandAtFiles(false)
			.registerConverter(Duration.class, Durations::parse)
			.setExecutionExceptionHandler(BridgeCli::failed);
	}

	private static int failed(Exception ex, CommandLine commandLine, ParseResult parsed) {
		String name = commandLine.getCommandSpec().qualifiedName();
		if (ex instanceof CliException failure) {
			commandLine.getErr().println(name + ": " + failure.getMessage());
			return failure.exitCode();
		}
		commandLine.getErr().println(name + ": unexpected failure: " + ex);
		return CliException.FAILED;
	}

	/** The version of the bridge the jar was built from. */
	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() throws IOException {
			Properties pom = new Properties();
			try (InputStream in = BridgeCli.class
				.getResourceAsStream("/META-INF/maven/dev.ftbridge/fivetran-kafka-bridge/pom.properties")) {
				if (in != null) {
					pom.load(in);
				}
			}
			return new String[] { "ftbridge " + pom.getProperty("version", "(development build)") };
		}

	}

}
