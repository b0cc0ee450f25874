package dev.ftbridge.command.handlers;

import java.time.Instant;
import java.util.List;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.Outcome;

/** What the membership handlers share. */
final class Memberships {

	private Memberships() {
	}

	/** One target per principal and place, for the requests a handler declares. */
	static List<MembershipTarget> placeholders() {
		String id = FivetranHandler.ID;
		return List.of(new MembershipTarget(false, id, null, null), new MembershipTarget(false, id, id, null),
				new MembershipTarget(false, id, null, id), new MembershipTarget(true, id, null, null),
				new MembershipTarget(true, id, id, null), new MembershipTarget(true, id, null, id));
	}

	/**
	 * No user or team matches (FAILED), or several do (REJECTED, naming them): nothing
	 * was changed.
	 */
	static Execution unresolved(Command command, Principals.Match match, Instant started, Instant now) {
		if (match instanceof Principals.Match.Several several) {
			return Execution.of(Results.start(command, Outcome.REJECTED, started)
				.reason("the " + several.described() + " is ambiguous; it matches " + several.ids().size() + ": "
						+ String.join(", ", several.ids()) + "; address it by id; nothing was changed")
				.retryable(false)
				.build(now));
		}
		return Execution.of(Results.start(command, Outcome.FAILED, started)
			.reason("Fivetran has no " + ((Principals.Match.None) match).described() + "; nothing was changed")
			.retryable(false)
			.build(now));
	}

}
