package dev.ftbridge.command.handlers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * {@code fivetran.membership.revoke}: removes a user's or team's (by id, email or name,
 * see {@link Principals}) membership of a group or connection, or its account role.
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
		Memberships.placeholders().forEach((target) -> requests.add(target.remove()));
		return requests;
	}

	@Override
	public Execution execute(Command command) {
		Instant started = now();
		FivetranRequest request = this.principals.lookup(command);
		try {
			Principals.Match match = this.principals.find(command);
			if (!(match instanceof Principals.Match.Found found)) {
				return Memberships.unresolved(command, match, started, now());
			}
			MembershipTarget target = MembershipTarget.of(command, found.id());
			request = target.remove();
			return Execution
				.of(succeeded(command, started, this.fivetran.execute(request)).resourceId(target.principalId())
					.build(now()));
		}
		catch (FivetranException ex) {
			return failed(command, started, request, ex);
		}
	}

}
