package dev.ftbridge.command.handlers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * {@code fivetran.membership.grant}: gives a user or team (by id, email or name, see
 * {@link Principals}) a role on the account, a group or a connection. The role is checked
 * against Fivetran's {@code GET /v1/roles} first: a role Fivetran does not list for that
 * place is {@code REJECTED} with the roles it does list, and nothing is changed. A
 * membership that exists already (409, or 400: the definition declares neither) has its
 * role changed instead, so a grant sent twice ends the same.
 */
@Component
class MembershipGrantHandler extends FivetranHandler {

	private final Principals principals;

	MembershipGrantHandler(HandlerContext context) {
		super(CommandType.MEMBERSHIP_GRANT, context);
		this.principals = new Principals(context);
	}

	@Override
	public List<FivetranRequest> requests() {
		List<FivetranRequest> requests = new ArrayList<>(List.of(FivetranRequests.listRoles(this.pageSize),
				FivetranRequests.listUsers(this.pageSize), FivetranRequests.listTeams(this.pageSize)));
		for (MembershipTarget target : Memberships.placeholders()) {
			requests.add(target.add("role"));
			requests.add(target.change("role"));
		}
		return requests;
	}

	@Override
	public Execution execute(Command command) {
		Instant started = now();
		String role = command.text("role");
		FivetranRequest read = this.principals.lookup(command);
		MembershipTarget target;
		List<String> allowed;
		try {
			Principals.Match match = this.principals.find(command);
			if (!(match instanceof Principals.Match.Found found)) {
				return Memberships.unresolved(command, match, started, now());
			}
			target = MembershipTarget.of(command, found.id());
			read = FivetranRequests.listRoles(this.pageSize);
			allowed = rolesFor(target.roleScope());
		}
		catch (FivetranException ex) {
			return failed(command, started, read, ex);
		}
		if (!allowed.contains(role)) {
			return Execution.of(Results.start(command, Outcome.REJECTED, started)
				.reason("role '" + role + "' is not one of Fivetran's roles for " + target.place()
						+ " (GET /v1/roles): " + String.join(", ", allowed))
				.retryable(false)
				.build(now()));
		}
		return grant(command, started, target, role);
	}

	private Execution grant(Command command, Instant started, MembershipTarget target, String role) {
		FivetranRequest add = target.add(role);
		FivetranException refused;
		try {
			return granted(command, started, target, this.fivetran.execute(add), null);
		}
		catch (FivetranException ex) {
			if (!existing(ex, add)) {
				return failed(command, started, add, ex);
			}
			refused = ex;
		}
		try {
			return granted(command, started, target, this.fivetran.execute(target.change(role)),
					refused.ambiguous()
							? "the add's answer was lost (" + refused.getMessage() + "); the membership exists"
									+ " and its role was set to " + role
							: "the membership existed (" + refused.httpStatus() + "); its role was set to " + role);
		}
		catch (FivetranException ex) {
			// Not an existing membership after all: the add's refusal is the answer.
			return failed(command, started, add, refused);
		}
	}

	/**
	 * Whether an add may have been refused because the membership exists (the definition
	 * declares no status for that, so a 409 or a 400 is read as "maybe"), or may have
	 * landed though its answer was lost: the role change decides.
	 */
	private static boolean existing(FivetranException ex, FivetranRequest add) {
		return add.method().name().equals("POST")
				&& (ex.httpStatus() == 409 || ex.httpStatus() == 400 || ex.ambiguous());
	}

	private Execution granted(Command command, Instant started, MembershipTarget target, FivetranResponse response,
			String reason) {
		return Execution
			.of(succeeded(command, started, response).resourceId(target.principalId()).reason(reason).build(now()));
	}

	/** The names of the roles Fivetran lists for that scope (deprecated ones too). */
	private List<String> rolesFor(String scope) {
		List<String> names = new ArrayList<>();
		for (JsonNode role : this.fivetran.listAll(FivetranRequests.listRoles(this.pageSize)).items()) {
			for (JsonNode candidate : role.path("scope")) {
				if (scope.equals(candidate.asString(""))) {
					names.add(role.path("name").asString());
				}
			}
		}
		return names;
	}

}
