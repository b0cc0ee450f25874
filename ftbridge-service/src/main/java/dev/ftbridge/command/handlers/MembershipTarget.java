package dev.ftbridge.command.handlers;

import dev.ftbridge.contract.Command;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * Who and where a membership command names: a user or team (found by {@link Principals}),
 * on a connection ({@code connection_id}), a group ({@code group_id}) or else the
 * account.
 *
 * @param team whether the principal is a team
 * @param principalId the user's or team's id, resolved
 * @param groupId the group, or {@code null}
 * @param connectionId the connection, or {@code null}
 */
record MembershipTarget(boolean team, String principalId, String groupId, String connectionId) {

	/** The place the command names, for the principal found for it. */
	static MembershipTarget of(Command command, String principalId) {
		return new MembershipTarget(Principals.isTeam(command), principalId, command.text("group_id"),
				command.text("connection_id"));
	}

	/** The role scope Fivetran's {@code /v1/roles} gives roles for this place. */
	String roleScope() {
		return (this.connectionId != null) ? "CONNECTOR" : (this.groupId != null) ? "DESTINATION" : "ACCOUNT";
	}

	/**
	 * The place, for reasons: {@code group g1}, {@code connection c1},
	 * {@code the account}.
	 */
	String place() {
		return (this.connectionId != null) ? "connection " + this.connectionId
				: (this.groupId != null) ? "group " + this.groupId : "the account";
	}

	/** Adds the membership (an account role is set on the user or team). */
	FivetranRequest add(String role) {
		if (this.connectionId != null) {
			return this.team ? FivetranRequests.addTeamToConnection(this.principalId, this.connectionId, role)
					: FivetranRequests.addUserToConnection(this.principalId, this.connectionId, role);
		}
		if (this.groupId != null) {
			return this.team ? FivetranRequests.addTeamToGroup(this.principalId, this.groupId, role)
					: FivetranRequests.addUserToGroup(this.principalId, this.groupId, role);
		}
		return this.team ? FivetranRequests.updateTeam(this.principalId, Bodies.empty().put("role", role))
				: FivetranRequests.updateUser(this.principalId, Bodies.empty().put("role", role));
	}

	/** Changes the role of a membership that exists. */
	FivetranRequest change(String role) {
		if (this.connectionId != null) {
			return this.team ? FivetranRequests.updateTeamInConnection(this.principalId, this.connectionId, role)
					: FivetranRequests.updateUserInConnection(this.principalId, this.connectionId, role);
		}
		if (this.groupId != null) {
			return this.team ? FivetranRequests.updateTeamInGroup(this.principalId, this.groupId, role)
					: FivetranRequests.updateUserInGroup(this.principalId, this.groupId, role);
		}
		return add(role);
	}

	/**
	 * Reads the membership of a group or connection ({@code null} for the account role,
	 * which is not a membership).
	 */
	FivetranRequest details() {
		if (this.connectionId != null) {
			return this.team ? FivetranRequests.teamInConnection(this.principalId, this.connectionId)
					: FivetranRequests.userInConnection(this.principalId, this.connectionId);
		}
		if (this.groupId != null) {
			return this.team ? FivetranRequests.teamInGroup(this.principalId, this.groupId)
					: FivetranRequests.userInGroup(this.principalId, this.groupId);
		}
		return null;
	}

	/** Removes the membership (or the account role). */
	FivetranRequest remove() {
		if (this.connectionId != null) {
			return this.team ? FivetranRequests.removeTeamFromConnection(this.principalId, this.connectionId)
					: FivetranRequests.removeUserFromConnection(this.principalId, this.connectionId);
		}
		if (this.groupId != null) {
			return this.team ? FivetranRequests.removeTeamFromGroup(this.principalId, this.groupId)
					: FivetranRequests.removeUserFromGroup(this.principalId, this.groupId);
		}
		return this.team ? FivetranRequests.removeTeamAccountRole(this.principalId)
				: FivetranRequests.removeUserAccountRole(this.principalId);
	}

}
