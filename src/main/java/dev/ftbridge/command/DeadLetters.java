package dev.ftbridge.command;

/** Where poison records go: the dead-letter topic, original bytes unchanged. */
interface DeadLetters {

	/** Writes the record and the reason; returns once the broker has it. */
	void deadLetter(IncomingRecord record, Rejection rejection);

}
