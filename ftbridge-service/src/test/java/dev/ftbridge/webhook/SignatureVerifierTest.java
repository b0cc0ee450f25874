package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureVerifierTest {

	@Test
	void verifyAcceptsFivetransSignatureInEitherCaseAndAnyConfiguredSecret() throws Exception {
		SignatureVerifier verifier = new SignatureVerifier(List.of("old-secret", "new-secret"));
		byte[] body = bytes("{\"event\":\"sync_end\"}");
		assertThat(verifier.verify(body, hmac("new-secret", body))).isTrue();
		assertThat(verifier.verify(body, hmac("old-secret", body).toLowerCase())).isTrue();
		assertThat(verifier.verify(body, " " + hmac("old-secret", body) + " ")).isTrue();
		assertThat(verifier.verify(body, hmac("other-secret", body))).isFalse();
		assertThat(verifier.verify(body, null)).isFalse();
		assertThat(verifier.verify(bytes("{\"event\":\"sync_start\"}"), hmac("new-secret", body))).isFalse();
	}

	@Test
	void verifyGivesEachBodyItsOwnAnswerWhenManyThreadsShareTheKeptMacs() throws Exception {
		SignatureVerifier verifier = new SignatureVerifier(List.of("secret"));
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> wrong = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int thread = t;
				wrong.add(threads.submit(() -> {
					int mistakes = 0;
					for (int i = 0; i < 2_000; i++) {
						byte[] body = bytes("{\"n\":" + thread + "_" + i + "}");
						byte[] other = bytes("{\"n\":" + thread + "_" + i + "x}");
						mistakes += verifier.verify(body, hmac("secret", body)) ? 0 : 1;
						mistakes += verifier.verify(other, hmac("secret", body)) ? 1 : 0;
					}
					return mistakes;
				}));
			}
			for (Future<Integer> each : wrong) {
				assertThat(each.get()).isZero();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static String hmac(String secret, byte[] body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(bytes(secret), "HmacSHA256"));
		return HexFormat.of().withUpperCase().formatHex(mac.doFinal(body));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
