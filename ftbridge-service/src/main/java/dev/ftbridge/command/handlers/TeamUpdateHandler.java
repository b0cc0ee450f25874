package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/** {@code fivetran.team.update}: one {@code PATCH /v1/teams/{teamId}}; safe to repeat. */
@Component
class TeamUpdateHandler extends SingleRequestHandler {

	TeamUpdateHandler(HandlerContext context) {
		super(CommandType.TEAM_UPDATE, context, FivetranRequests.updateTeam(ID, Bodies.empty()));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.updateTeam(command.text("team_id"), Bodies.without(command.data(), "team_id"));
	}

}
