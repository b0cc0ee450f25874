package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * {@code fivetran.destination.update}: one {@code PATCH /v1/destinations/{id}}; setup
 * tests run unless {@code run_setup_tests} is false.
 */
@Component
class DestinationUpdateHandler extends SingleRequestHandler {

	DestinationUpdateHandler(HandlerContext context) {
		super(CommandType.DESTINATION_UPDATE, context, FivetranRequests.updateDestination(ID, Bodies.empty()));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.updateDestination(command.text("destination_id"),
				Bodies.without(command.data(), "destination_id"));
	}

}
