package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/** {@code fivetran.connection.pause}: sets {@code paused}, without setup tests. */
@Component
class ConnectionPauseHandler extends ConnectionChangeHandler {

	ConnectionPauseHandler(HandlerContext context) {
		super(CommandType.CONNECTION_PAUSE, context, FivetranRequests.setPaused(ID, true));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.setPaused(command.text("connection_id"), true);
	}

}
