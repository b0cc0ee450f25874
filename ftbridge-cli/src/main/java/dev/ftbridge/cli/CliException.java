package dev.ftbridge.cli;

/** A failure the user can act on: what went wrong, and the exit code to end with. */
final class CliException extends RuntimeException {

	/** A watched command did not succeed, or something unexpected failed. */
	static final int FAILED = 1;

	/**
	 * The input is wrong (flags, files, CSV, template, schema); nothing was published.
	 */
	static final int BAD_INPUT = 2;

	/** Kafka could not be reached, lacks a topic, or did not take the commands. */
	static final int KAFKA = 3;

	private final int exitCode;

	CliException(int exitCode, String message) {
		super(message, null, false, false);
		this.exitCode = exitCode;
	}

	static CliException badInput(String message) {
		return new CliException(BAD_INPUT, message);
	}

	int exitCode() {
		return this.exitCode;
	}

}
