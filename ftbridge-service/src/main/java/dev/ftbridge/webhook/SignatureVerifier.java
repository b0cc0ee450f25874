package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Fivetran-Signature-256}: the HMAC-SHA256 of the exact raw body, keyed
 * with the webhook secret, as hex (Fivetran sends upper case; either case is accepted).
 * Any configured secret may match, so secrets can be rotated without downtime. The
 * comparison takes the same time wherever the first difference is.
 */
class SignatureVerifier {

	private static final String ALGORITHM = "HmacSHA256";

	private final List<Key> keys;

	SignatureVerifier(List<String> secrets) {
		this.keys = secrets.stream().map(Key::new).toList();
	}

	boolean verify(byte[] body, String signatureHeader) {
		if (signatureHeader == null) {
			return false;
		}
		byte[] presented = signatureHeader.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
		boolean matched = false;
		for (Key key : this.keys) {
			// No early exit: every secret is tried, whichever matches.
			matched |= MessageDigest.isEqual(presented, key.sign(body));
		}
		return matched;
	}

	/** The upper-case hex signature of a body, as Fivetran computes it. */
	static byte[] sign(byte[] secret, byte[] body) {
		return hex(newMac(new SecretKeySpec(secret, ALGORITHM)).doFinal(body));
	}

	private static byte[] hex(byte[] digest) {
		return HexFormat.of().withUpperCase().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * One secret and the initialised {@link Mac}s free to use with it: looking the
	 * algorithm up and keying a {@code Mac} cost about as much as signing a webhook, so
	 * each is kept for the next request ({@code doFinal} leaves it reset). A pool, not a
	 * thread local: request threads may be virtual.
	 */
	private static final class Key {

		private static final int MAX_IDLE = 64;

		private final SecretKeySpec spec;

		private final Queue<Mac> idle = new ConcurrentLinkedQueue<>();

		private final AtomicInteger idleCount = new AtomicInteger();

		Key(String secret) {
			this.spec = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		}

		byte[] sign(byte[] body) {
			Mac mac = this.idle.poll();
			if (mac != null) {
				this.idleCount.decrementAndGet();
			}
			else {
				mac = newMac(this.spec);
			}
			byte[] signature = hex(mac.doFinal(body));
			if (this.idleCount.incrementAndGet() <= MAX_IDLE) {
				this.idle.offer(mac);
			}
			else {
				this.idleCount.decrementAndGet();
			}
			return signature;
		}

	}

}
