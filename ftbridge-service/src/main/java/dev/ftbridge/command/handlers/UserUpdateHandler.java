package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/** {@code fivetran.user.update}: one {@code PATCH /v1/users/{userId}}; safe to repeat. */
@Component
class UserUpdateHandler extends SingleRequestHandler {

	UserUpdateHandler(HandlerContext context) {
		super(CommandType.USER_UPDATE, context, FivetranRequests.updateUser(ID, Bodies.empty()));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.updateUser(command.text("user_id"), Bodies.without(command.data(), "user_id"));
	}

}
