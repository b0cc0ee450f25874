package dev.ftbridge.command.handlers;

import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * {@code fivetran.webhook.create}: a group's webhook, or the account's when no group is
 * named. Nothing unique names a webhook, so one that may have landed is never sent again
 * ({@code OUTCOME_UNKNOWN}).
 */
@Component
class WebhookCreateHandler extends AdminCreateHandler {

	WebhookCreateHandler(HandlerContext context) {
		super(CommandType.WEBHOOK_CREATE, context, FivetranRequests.createGroupWebhook(ID, Bodies.empty()),
				FivetranRequests.createAccountWebhook(Bodies.empty()));
	}

	@Override
	FivetranRequest request(Command command) {
		String group = command.text("group_id");
		ObjectNode body = Bodies.without(command.data(), "group_id");
		return (group != null) ? FivetranRequests.createGroupWebhook(group, body)
				: FivetranRequests.createAccountWebhook(body);
	}

	@Override
	Supplier<JsonNode> lookup(Command command) {
		return null;
	}

}
