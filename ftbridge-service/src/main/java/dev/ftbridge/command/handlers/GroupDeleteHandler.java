package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * {@code fivetran.group.delete}: {@code DELETE /v1/groups/{groupId}}; its destination and
 * connections go with it, so a group holding connections needs {@code force}.
 */
@Component
class GroupDeleteHandler extends AdminDeleteHandler {

	GroupDeleteHandler(HandlerContext context) {
		super(CommandType.GROUP_DELETE, context, "group_id", FivetranRequests.deleteGroup(ID),
				FivetranRequests.groupDetails(ID), FivetranRequests.groupConnections(ID, context.pageSize()));
	}

	@Override
	FivetranRequest details(String id) {
		return FivetranRequests.groupDetails(id);
	}

	@Override
	FivetranRequest delete(String id) {
		return FivetranRequests.deleteGroup(id);
	}

	@Override
	boolean holdsConnections() {
		return true;
	}

}
