/**
 * Inbound: Fivetran's webhook callbacks. {@link dev.ftbridge.webhook.WebhookController}
 * verifies the signature over the exact raw body and answers 2xx only once the body is
 * durably in the {@code fivetran.webhooks} inbox topic
 * ({@link dev.ftbridge.webhook.WebhookInbox}).
 */
package dev.ftbridge.webhook;
