package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * {@code fivetran.webhook.update}: one {@code PATCH /v1/webhooks/{webhookId}}; the secret
 * is never in results.
 */
@Component
class WebhookUpdateHandler extends SingleRequestHandler {

	WebhookUpdateHandler(HandlerContext context) {
		super(CommandType.WEBHOOK_UPDATE, context, FivetranRequests.updateWebhook(ID, Bodies.empty()));
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.updateWebhook(command.text("webhook_id"), Bodies.without(command.data(), "webhook_id"));
	}

}
