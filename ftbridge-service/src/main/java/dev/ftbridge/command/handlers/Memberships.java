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

	/** No user has that email, or no team that name: nothing was changed. */
	static Execution unknownPrincipal(Command command, Instant started, Instant now) {
		return Execution.of(Results.start(command, Outcome.FAILED, started)
			.reason("Fivetran has no " + MembershipTarget.principal(command) + "; nothing was changed")
			.retryable(false)
			.build(now));
	}

}
