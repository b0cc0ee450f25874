package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/** {@code fivetran.team.delete}: {@code DELETE /v1/teams/{teamId}}. */
@Component
class TeamDeleteHandler extends AdminDeleteHandler {

	TeamDeleteHandler(HandlerContext context) {
		super(CommandType.TEAM_DELETE, context, "team_id", FivetranRequests.deleteTeam(ID),
				FivetranRequests.teamDetails(ID));
	}

	@Override
	FivetranRequest details(String id) {
		return FivetranRequests.teamDetails(id);
	}

	@Override
	FivetranRequest delete(String id) {
		return FivetranRequests.deleteTeam(id);
	}

}
