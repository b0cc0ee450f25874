package dev.ftbridge.command.handlers;

import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/** {@code fivetran.user.create}: an invitation, found again by email. */
@Component
class UserCreateHandler extends AdminCreateHandler {

	UserCreateHandler(HandlerContext context) {
		super(CommandType.USER_CREATE, context, FivetranRequests.createUser(Bodies.empty()),
				FivetranRequests.listUsers(context.pageSize()));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.createUser(command.data().deepCopy());
	}

	@Override
	Supplier<JsonNode> lookup(Command command) {
		return () -> this.directory.user(command.text("email"));
	}

}
