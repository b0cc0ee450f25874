package dev.ftbridge.contract;

/** What happened to a command ({@code data.outcome} of a result event). */
public enum Outcome {

	/** Fivetran took an asynchronous operation; a terminal result follows. */
	ACCEPTED,

	/** Fivetran did it. */
	SUCCEEDED,

	/** Fivetran said no; its HTTP status, code and message are included. */
	FAILED,

	/** The command was invalid and never sent to Fivetran. */
	REJECTED,

	/** The command id was seen before; the original outcome stands. */
	DUPLICATE,

	/** An asynchronous operation did not finish within its deadline. */
	TIMED_OUT,

	/** The bridge cannot tell whether Fivetran applied the command. */
	OUTCOME_UNKNOWN;

	/**
	 * Whether this ends a command that was executed: at most one such result per command
	 * id ({@code REJECTED} commands never ran; {@code DUPLICATE} repeats no outcome).
	 */
	public boolean terminal() {
		return this == SUCCEEDED || this == FAILED || this == TIMED_OUT || this == OUTCOME_UNKNOWN;
	}

}
