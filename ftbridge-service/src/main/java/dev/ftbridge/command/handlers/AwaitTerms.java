package dev.ftbridge.command.handlers;

import java.time.Duration;
import java.time.Instant;

import dev.ftbridge.contract.Command;

/**
 * What a {@code fivetran.connection.await} command waits for: a sync that ended after
 * {@code after} (default: when the bridge read the command), or data no older than
 * {@code max_age}, within {@code timeout}.
 */
public final class AwaitTerms {

	private AwaitTerms() {
	}

	/** Only a sync that ended after this counts. */
	public static Instant after(Command command) {
		String after = command.text("after");
		return (after != null) ? Instant.parse(after) : command.receivedAt();
	}

	/** How fresh data satisfies the wait at once, or null. */
	static Duration maxAge(Command command) {
		return duration(command, "max_age");
	}

	/** How long to wait before {@code TIMED_OUT}, or null for the bridge's default. */
	public static Duration timeout(Command command) {
		return duration(command, "timeout");
	}

	private static Duration duration(Command command, String field) {
		String text = command.text(field);
		return (text != null) ? Duration.parse(text) : null;
	}

}
