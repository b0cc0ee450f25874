package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/** {@code fivetran.user.delete}: {@code DELETE /v1/users/{id}}. */
@Component
class UserDeleteHandler extends AdminDeleteHandler {

	UserDeleteHandler(HandlerContext context) {
		super(CommandType.USER_DELETE, context, "user_id", FivetranRequests.deleteUser(ID),
				FivetranRequests.userDetails(ID));
	}

	@Override
	FivetranRequest details(String id) {
		return FivetranRequests.userDetails(id);
	}

	@Override
	FivetranRequest delete(String id) {
		return FivetranRequests.deleteUser(id);
	}

}
