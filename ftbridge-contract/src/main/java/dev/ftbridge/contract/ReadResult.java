package dev.ftbridge.contract;

/** What reading a record gave: a command, or the reason it is not one. */
public sealed interface ReadResult {

	/** The record is a valid command. */
	record Accepted(Command command) implements ReadResult {

	}

	/** The record is poison. */
	record Rejected(Rejection rejection) implements ReadResult {

	}

}
