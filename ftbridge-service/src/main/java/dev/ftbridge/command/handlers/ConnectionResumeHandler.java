package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/** {@code fivetran.connection.resume}: clears {@code paused}, without setup tests. */
@Component
class ConnectionResumeHandler extends ConnectionChangeHandler {

	ConnectionResumeHandler(HandlerContext context) {
		super(CommandType.CONNECTION_RESUME, context, FivetranRequests.setPaused(ID, false));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.setPaused(command.text("connection_id"), false);
	}

}
