package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * {@code fivetran.destination.delete}: {@code DELETE /v1/destinations/{id}}; the
 * connections loading into it are listed first and need {@code force}.
 */
@Component
class DestinationDeleteHandler extends AdminDeleteHandler {

	DestinationDeleteHandler(HandlerContext context) {
		super(CommandType.DESTINATION_DELETE, context, "destination_id", FivetranRequests.deleteDestination(ID),
				FivetranRequests.destinationDetails(ID), FivetranRequests.groupConnections(ID, context.pageSize()));
	}

	@Override
	FivetranRequest details(String id) {
		return FivetranRequests.destinationDetails(id);
	}

	@Override
	FivetranRequest delete(String id) {
		return FivetranRequests.deleteDestination(id);
	}

	@Override
	boolean holdsConnections() {
		return true;
	}

}
