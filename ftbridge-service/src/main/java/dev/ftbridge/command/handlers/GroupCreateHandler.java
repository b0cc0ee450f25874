package dev.ftbridge.command.handlers;

import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/** {@code fivetran.group.create}: found again by its unique name. */
@Component
class GroupCreateHandler extends AdminCreateHandler {

	GroupCreateHandler(HandlerContext context) {
		super(CommandType.GROUP_CREATE, context, FivetranRequests.createGroup(Bodies.empty()),
				FivetranRequests.listGroups(context.pageSize()));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.createGroup(command.data().deepCopy());
	}

	@Override
	Supplier<JsonNode> lookup(Command command) {
		return () -> this.directory.group(command.text("name"));
	}

	/** The new group's id is also the result's group id. */
	@Override
	CommandResult.Builder withIds(CommandResult.Builder result, String id) {
		return super.withIds(result, id).groupId(id);
	}

}
