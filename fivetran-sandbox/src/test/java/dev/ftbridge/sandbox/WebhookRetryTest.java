package dev.ftbridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.ftbridge.sandbox.SandboxClient.Reply;
import dev.ftbridge.sandbox.WebhookReceiver.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Fivetran's delivery retries: 5, 10, 15 … minutes apart, for 24 hours, then off. */
class WebhookRetryTest {

	private final WebhookReceiver receiver = new WebhookReceiver();

	private final List<SandboxEvent> heard = new CopyOnWriteArrayList<>();

	private FivetranSandbox sandbox;

	private SandboxClient client;

	@AfterEach
	void stop() {
		if (this.sandbox != null) {
			this.sandbox.close();
		}
		this.receiver.close();
	}

	@Test
	void failedDeliveryIsRetriedFiveThenTenSandboxMinutesLater() throws Exception {
		AtomicInteger ends = new AtomicInteger();
		this.receiver
			.respondWith((request) -> ("sync_end".equals(request.event()) && ends.incrementAndGet() <= 2) ? 500 : 200);
		// 5 sandbox minutes are 100 real ms
		String id = start(SandboxClient.settings().withTimeScale(3000).withWebhook(this.receiver.uri(), "s"));
		this.client.post("/v1/connections/" + id + "/sync", "{}");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sandbox.deliveries().forEvent("sync_end").size() == 3);
		List<DeliveryAttempt> attempts = this.sandbox.deliveries().forEvent("sync_end");
		assertThat(attempts).extracting(DeliveryAttempt::attempt).containsExactly(1, 2, 3);
		assertThat(attempts).extracting(DeliveryAttempt::status).containsExactly(500, 500, 200);
		assertThat(Duration.between(attempts.get(0).plannedAt(), attempts.get(1).plannedAt()))
			.isEqualTo(Duration.ofMinutes(5));
		assertThat(Duration.between(attempts.get(1).plannedAt(), attempts.get(2).plannedAt()))
			.isEqualTo(Duration.ofMinutes(10));
		// attempts keep to the plan (10:00, 10:05, 10:15): never early, and late by far
		// less than a real-time wait would be (half a sandbox hour is 0.6 real seconds)
		for (DeliveryAttempt attempt : attempts) {
			assertThat(attempt.sandboxTime()).isBetween(attempt.plannedAt(),
					attempt.plannedAt().plus(Duration.ofMinutes(30)));
		}
		List<Received> received = this.receiver.events("sync_end");
		assertThat(received).hasSize(3);
		assertThat(received).extracting(Received::text).containsOnly(received.get(0).text());
		assertThat(received).extracting((request) -> request.header("X-Fivetran-Signature-256"))
			.containsOnly(WebhookReceiver.hmacSha256UpperHex("s", received.get(0).body()));
		assertThat(this.sandbox.deliveries().forEvent("sync_start")).extracting(DeliveryAttempt::attempt)
			.containsExactly(1);
	}

	@Test
	void anAnswerThatTakesLongerThanTheTimeoutIsAFailureAndIsRetried() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger starts = new AtomicInteger();
		this.receiver.respondWith((request) -> {
			if ("sync_start".equals(request.event()) && starts.incrementAndGet() == 1) {
				hold(release);
			}
			return 200;
		});
		String id = start(SandboxClient.settings()
			.withTimeScale(3000)
			.withWebhook(this.receiver.uri(), null)
			.withWebhookTimeout(Duration.ofMillis(200)));
		try {
			this.client.post("/v1/connections/" + id + "/sync", "{}");
			await().atMost(Duration.ofSeconds(5))
				.until(() -> this.sandbox.deliveries().forEvent("sync_start").size() == 2);
		}
		finally {
			release.countDown();
		}
		List<DeliveryAttempt> attempts = this.sandbox.deliveries().forEvent("sync_start");
		assertThat(attempts.get(0).status()).isZero();
		assertThat(attempts.get(0).error()).contains("Timeout");
		assertThat(attempts.get(0).succeeded()).isFalse();
		assertThat(attempts.get(1).status()).isEqualTo(200);
		assertThat(Duration.between(attempts.get(0).plannedAt(), attempts.get(1).plannedAt()))
			.isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void webhookIsDisabledAfterTwentyFourHoursOfFailuresAndCanBeActivatedAgain() throws Exception {
		this.receiver.respondWith((request) -> "test_event".equals(request.event()) ? 200 : 500);
		// 24 sandbox hours are 0.43 real seconds
		String id = start(SandboxClient.settings().withTimeScale(200_000));
		this.sandbox.addListener(this.heard::add);
		Reply created = this.client.post("/v1/webhooks/account",
				"{\"url\":\"" + this.receiver.url() + "\",\"events\":[\"sync_end\"]}");
		String webhookId = created.data().path("id").asString();
		this.client.post("/v1/connections/" + id + "/sync", "{}");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !this.client.get("/v1/webhooks/" + webhookId).data().path("active").asBoolean());
		List<DeliveryAttempt> attempts = this.sandbox.deliveries().forEvent("sync_end");
		assertThat(attempts).hasSize(24).allMatch((attempt) -> attempt.status() == 500);
		assertThat(attempts).extracting(DeliveryAttempt::attempt).containsExactlyElementsOf(range(1, 24));
		for (int i = 1; i < attempts.size(); i++) {
			assertThat(Duration.between(attempts.get(i - 1).plannedAt(), attempts.get(i).plannedAt()))
				.isEqualTo(Duration.ofMinutes(5L * i));
			assertThat(attempts.get(i).sandboxTime()).isAfterOrEqualTo(attempts.get(i).plannedAt());
		}
		Instant first = attempts.get(0).plannedAt();
		assertThat(Duration.between(first, attempts.get(23).plannedAt())).isEqualTo(Duration.ofHours(23));
		assertThat(this.receiver.events("sync_end")).hasSize(24);
		assertThat(this.sandbox.webhooks().isActive(webhookId)).isFalse();

		// a disabled webhook gets nothing: the delivery decided before this listener
		// heard it
		this.client.post("/v1/connections/" + id + "/sync", "{}");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.heard.stream().filter((event) -> "sync_end".equals(event.type())).count() == 2);
		assertThat(this.sandbox.deliveries().forEvent("sync_end")).hasSize(24);

		this.receiver.respondWith((request) -> 200);
		Reply activated = this.client.patch("/v1/webhooks/" + webhookId, "{\"active\":true}");
		assertThat(activated.status()).isEqualTo(200);
		assertThat(activated.data().path("active").asBoolean()).isTrue();
		assertThat(this.receiver.eventTypes()).endsWith("test_event");
	}

	private String start(SandboxSettings settings) {
		this.sandbox = FivetranSandbox.start(settings);
		this.client = new SandboxClient(this.sandbox);
		String groupId = this.sandbox.state().addGroup("warehouse").id();
		return this.sandbox.state().addConnection(groupId, "postgres", "pg");
	}

	private static List<Integer> range(int from, int to) {
		return IntStream.rangeClosed(from, to).boxed().toList();
	}

	private static void hold(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
