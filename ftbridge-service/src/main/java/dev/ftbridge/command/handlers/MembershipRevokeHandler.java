package dev.ftbridge.command.handlers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * {@code fivetran.membership.revoke}: removes a user's or team's (by id, email or name,
 * see {@link Principals}) membership of a group or connection, or its account role. Like
 * the bridge's other deletes, a membership Fivetran does not have is {@code FAILED} with
 * its 404, and a revoke cut short by a restart is reconciled by looking the membership up
 * (gone means the revoke landed) rather than sent again into a 404. Removing the account
 * role is safe to repeat.
 */
@Component
class MembershipRevokeHandler extends FivetranHandler {

	private final Principals principals;

	MembershipRevokeHandler(HandlerContext context) {
		super(CommandType.MEMBERSHIP_REVOKE, context);
		this.principals = new Principals(context);
	}

	@Override
	public List<FivetranRequest> requests() {
		List<FivetranRequest> requests = new ArrayList<>(
				List.of(FivetranRequests.listUsers(this.pageSize), FivetranRequests.listTeams(this.pageSize)));
		for (MembershipTarget target : Memberships.placeholders()) {
			requests.add(target.remove());
			if (target.details() != null) {
				requests.add(target.details());
			}
		}
		return requests;
	}

	@Override
	public boolean costlyToRepeat(Command command) {
		return command.text("group_id") != null || command.text("connection_id") != null;
	}

	@Override
	public Execution execute(Command command) {
		return revoke(command, false);
	}

	@Override
	public Execution reconcile(Command command, Instant startedAt) {
		return revoke(command, true);
	}

	private Execution revoke(Command command, boolean reconciling) {
		Instant started = now();
		FivetranRequest request = this.principals.lookup(command);
		try {
			Principals.Match match = this.principals.find(command);
			if (!(match instanceof Principals.Match.Found found)) {
				return Memberships.unresolved(command, match, started, now());
			}
			MembershipTarget target = MembershipTarget.of(command, found.id());
			if (reconciling && target.details() != null) {
				Execution reconciled = reconciled(command, started, target);
				if (reconciled != null) {
					return reconciled;
				}
			}
			request = target.remove();
			return Execution
				.of(succeeded(command, started, this.fivetran.execute(request)).resourceId(target.principalId())
					.build(now()));
		}
		catch (FivetranException ex) {
			return failed(command, started, request, ex);
		}
	}

	/**
	 * After a restart: {@code SUCCEEDED} when the membership is gone, {@code null} when
	 * it is still there (to be revoked now), unknown when Fivetran cannot be asked.
	 */
	private Execution reconciled(Command command, Instant started, MembershipTarget target) {
		try {
			this.fivetran.execute(target.details());
			return null;
		}
		catch (FivetranException ex) {
			if (ex.notFound()) {
				return Execution.of(Results.start(command, Outcome.SUCCEEDED, started)
					.resourceId(target.principalId())
					.reason("reconciled after a restart: the membership of " + target.place()
							+ " no longer exists — revoked after the command started; not sent again")
					.build(now()));
			}
			return Execution.of(Results.start(command, Outcome.OUTCOME_UNKNOWN, started)
				.resourceId(target.principalId())
				.reason("reconciled after a restart: Fivetran could not be asked what happened: " + ex.getMessage())
				.retryable(false)
				.build(now()));
		}
	}

}
