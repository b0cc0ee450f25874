package dev.ftbridge.command;

import dev.ftbridge.contract.IncomingRecord;
import dev.ftbridge.contract.Rejection;

/** Where poison records go: the dead-letter topic, original bytes unchanged. */
interface DeadLetters {

	/** Writes the record and the reason; returns once the broker has it. */
	void deadLetter(IncomingRecord record, Rejection rejection);

	/**
	 * Writes the reason and where the record is, without its key, value or headers: for a
	 * record whose copy the broker refused.
	 * @param why why the copy was refused
	 */
	void deadLetterWithoutContent(IncomingRecord record, Rejection rejection, String why);

}
