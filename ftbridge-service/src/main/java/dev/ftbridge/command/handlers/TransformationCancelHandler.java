package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * {@code fivetran.transformation.cancel}: stops the transformation's running execution. A
 * run command still waiting for that run ends when its pending operation sees the
 * {@code CANCELED} status.
 */
@Component
class TransformationCancelHandler extends SingleRequestHandler {

	TransformationCancelHandler(HandlerContext context) {
		super(CommandType.TRANSFORMATION_CANCEL, context, FivetranRequests.cancelTransformation(ID));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.cancelTransformation(command.text("transformation_id"));
	}

}
