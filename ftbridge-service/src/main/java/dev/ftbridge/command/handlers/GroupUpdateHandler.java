package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * {@code fivetran.group.update}: one {@code PATCH /v1/groups/{groupId}} (its name); safe
 * to repeat.
 */
@Component
class GroupUpdateHandler extends SingleRequestHandler {

	GroupUpdateHandler(HandlerContext context) {
		super(CommandType.GROUP_UPDATE, context, FivetranRequests.updateGroup(ID, Bodies.empty()));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.updateGroup(command.text("group_id"), Bodies.without(command.data(), "group_id"));
	}

}
