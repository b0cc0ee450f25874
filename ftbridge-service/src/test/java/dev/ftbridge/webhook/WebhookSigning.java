package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs a webhook body as Fivetran does, independently of the bridge's own code. */
public final class WebhookSigning {

	private WebhookSigning() {
	}

	public static String sign(String secret, String body) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().withUpperCase().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

}
