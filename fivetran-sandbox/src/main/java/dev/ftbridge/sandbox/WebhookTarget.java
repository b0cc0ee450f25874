package dev.ftbridge.sandbox;

import java.net.URI;
import java.util.Objects;

/**
 * A webhook target given in {@link SandboxSettings#withWebhook}: it exists without an API
 * call and gets every event (like an account webhook subscribed to everything).
 *
 * @param url where deliveries go
 * @param secret the signing secret, or null for unsigned deliveries
 */
public record WebhookTarget(URI url, String secret) {

	public WebhookTarget {
		Objects.requireNonNull(url, "url");
		if (url.getScheme() == null || url.getHost() == null) {
			throw new IllegalArgumentException("A webhook target needs an absolute URL, was " + url);
		}
	}

	@Override
	public String toString() {
		return "WebhookTarget[url=" + this.url + ", secret=" + ((this.secret != null) ? Json.MASK : null) + "]";
	}

}
