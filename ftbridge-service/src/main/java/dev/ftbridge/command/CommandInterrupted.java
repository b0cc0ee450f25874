package dev.ftbridge.command;

/**
 * The bridge is stopping and interrupted a command while it waited to call Fivetran (for
 * a rate budget or for Fivetran to come back): the call was not sent. The command gets no
 * result; its record stays uncommitted and runs again on the next owner.
 */
class CommandInterrupted extends RuntimeException {

	CommandInterrupted(String message, Throwable cause) {
		super(message, cause);
	}

}
