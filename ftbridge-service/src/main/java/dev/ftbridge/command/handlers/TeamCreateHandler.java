package dev.ftbridge.command.handlers;

import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/** {@code fivetran.team.create}: found again by its unique name. */
@Component
class TeamCreateHandler extends AdminCreateHandler {

	TeamCreateHandler(HandlerContext context) {
		super(CommandType.TEAM_CREATE, context, FivetranRequests.createTeam(Bodies.empty()),
				FivetranRequests.listTeams(context.pageSize()));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.createTeam(command.data().deepCopy());
	}

	@Override
	Supplier<JsonNode> lookup(Command command) {
		return () -> this.directory.team(command.text("name"));
	}

}
