package dev.ftbridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ftbridge.sandbox.DeliveryAttempt.Delivery;
import dev.ftbridge.sandbox.WebhookSender.Answer;

/**
 * Delivers lifecycle events to webhooks as Fivetran does, and switches delivery on and
 * off ({@code sandbox.webhooks().enabled(false)}, {@code POST /sandbox/webhooks}).
 *
 * <p>
 * Each event goes to every active registered webhook that subscribed to it and whose
 * scope matches (account: every event; group: events of connections in its group), and to
 * every target of {@link SandboxSettings#withWebhook}. Deliveries leave the publishing
 * thread at once: each target has its own lane, so one target gets its events in order
 * and a slow target delays no other. An attempt that gets no 2xx (or no answer within the
 * real-time timeout) is retried 5, 10, 15 … minutes (sandbox time) after the previous
 * one, each wait 5 minutes longer, as long as the retry falls within 24 hours of the
 * first attempt (24 attempts in all, the last 23 h after the first); then the target is
 * disabled ({@code active: false}). Retries go to the target's current URL and secret; a
 * deleted or disabled target gets none. Every attempt lands in the {@link DeliveryLog}.
 *
 * <p>
 * Switched off, no event is delivered and pending retries are dropped; the state still
 * changes. The test deliveries of webhook creation and {@code /test} are API calls and
 * are made either way.
 */
public final class Webhooks {

	/** How much longer each wait between attempts is than the previous one. */
	static final Duration RETRY_STEP = Duration.ofMinutes(5);

	/** How long after the first attempt retries may come. */
	static final Duration RETRY_WINDOW = Duration.ofHours(24);

	private static final System.Logger log = System.getLogger(Webhooks.class.getName());

	private static final CompletableFuture<Void> IDLE = CompletableFuture.completedFuture(null);

	private final SandboxState state;

	private final SandboxClock clock;

	private final DeliveryLog deliveries;

	private final WebhookSender sender;

	private final SandboxTimer timer;

	private final ExecutorService lanesExecutor;

	private final Map<String, CompletableFuture<Void>> lanes = new ConcurrentHashMap<>();

	private final List<Configured> configured = new ArrayList<>();

	private final boolean initiallyEnabled;

	private final AtomicBoolean enabled;

	/** Bumped by a reset, so that retries planned before it are dropped. */
	private final AtomicLong epoch = new AtomicLong();

	Webhooks(SandboxSettings settings, SandboxState state, SandboxClock clock, DeliveryLog deliveries) {
		this.state = state;
		this.clock = clock;
		this.deliveries = deliveries;
		this.sender = new WebhookSender(settings.webhookTimeout());
		this.timer = new SandboxTimer(clock, "fivetran-sandbox-webhook-timer");
		AtomicInteger threads = new AtomicInteger();
		this.lanesExecutor = Executors.newFixedThreadPool(4, (task) -> {
			Thread thread = new Thread(task, "fivetran-sandbox-webhook-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		for (WebhookTarget target : settings.webhooks()) {
			this.configured.add(new Configured("settings_" + (this.configured.size() + 1), target));
		}
		this.initiallyEnabled = settings.webhooksEnabled();
		this.enabled = new AtomicBoolean(this.initiallyEnabled);
	}

	/** Switches event delivery on or off (off also drops pending retries). */
	public Webhooks enabled(boolean on) {
		this.enabled.set(on);
		return this;
	}

	public boolean isEnabled() {
		return this.enabled.get();
	}

	/**
	 * Whether the target (a registered webhook's id or {@code settings_<n>}) exists and
	 * is active, i.e. not disabled after 24 hours of failed deliveries.
	 */
	public boolean isActive(String targetId) {
		return current(targetId) != null;
	}

	/** Hears every event; called on the publishing thread, it only hands work over. */
	void onEvent(SandboxEvent event) {
		List<String> targets = this.enabled.get() ? targetsOf(event) : List.of();
		if (targets.isEmpty()) {
			return;
		}
		byte[] body = WebhookPayloads.of(event);
		Instant now = this.clock.now();
		long epoch = this.epoch.get();
		for (String targetId : targets) {
			Delivery delivery = new Delivery(targetId, event.type(), event.connectionId(), event.syncId(), body);
			enqueue(new Attempt(delivery, 1, now, now, epoch));
		}
	}

	/**
	 * Sends a test payload at once, on the calling thread, and logs it; for webhook
	 * creation, activation and {@code /test}.
	 */
	Answer test(String targetId, String url, String secret, String event) {
		Instant now = this.clock.now();
		Instant real = this.clock.realNow();
		byte[] body = WebhookPayloads.test(event, now);
		Answer answer = this.sender.post(url, body, secret);
		this.deliveries
			.add(DeliveryAttempt.of(new Delivery(targetId, event, null, null, body), url, 1, now, now, real, answer));
		return answer;
	}

	/** Back to the settings: enabled as configured, every target active, no retries. */
	void reset() {
		this.epoch.incrementAndGet();
		this.enabled.set(this.initiallyEnabled);
		this.configured.forEach((target) -> target.active.set(true));
	}

	void close() {
		this.timer.close();
		this.lanesExecutor.shutdownNow();
	}

	/** The configuration as {@code GET /sandbox/webhooks} shows it. */
	ObjectNode toJson() {
		ObjectNode json = Json.object().put("enabled", this.enabled.get());
		ArrayNode targets = json.putArray("targets");
		for (Configured target : this.configured) {
			targets.addObject()
				.put("id", target.id)
				.put("url", target.target.url().toString())
				.put("active", target.active.get())
				.put("signed", target.target.secret() != null);
		}
		return json;
	}

	private List<String> targetsOf(SandboxEvent event) {
		List<String> targets = new ArrayList<>();
		this.configured.stream().filter((target) -> target.active.get()).forEach((target) -> targets.add(target.id));
		this.state.locked(() -> {
			this.state.webhookList()
				.stream()
				.filter((webhook) -> webhook.wants(event.type(), event.groupId()))
				.forEach((webhook) -> targets.add(webhook.id()));
			return null;
		});
		return targets;
	}

	private void enqueue(Attempt attempt) {
		this.lanes.compute(attempt.delivery.targetId(), (id, tail) -> {
			try {
				return ((tail != null) ? tail : IDLE).thenRunAsync(() -> make(attempt), this.lanesExecutor)
					.exceptionally((ex) -> {
						log.log(System.Logger.Level.WARNING, "Webhook delivery to " + id + " failed", ex);
						return null;
					});
			}
			catch (RejectedExecutionException ex) {
				return IDLE;
			}
		});
	}

	private void make(Attempt attempt) {
		if (attempt.epoch != this.epoch.get() || !this.enabled.get()) {
			return;
		}
		Target target = current(attempt.delivery.targetId());
		if (target == null) {
			return;
		}
		Instant now = this.clock.now();
		Instant real = this.clock.realNow();
		Answer answer = this.sender.post(target.url, attempt.delivery.body(), target.secret);
		if (Thread.currentThread().isInterrupted()) {
			return; // the sandbox stopped mid-attempt
		}
		this.deliveries.add(
				DeliveryAttempt.of(attempt.delivery, target.url, attempt.number, attempt.plannedAt, now, real, answer));
		if (answer.successful()) {
			return;
		}
		Duration offset = offsetOf(attempt.number + 1);
		if (offset.compareTo(RETRY_WINDOW) > 0) {
			disable(target.id);
			return;
		}
		Instant due = attempt.firstAt.plus(offset);
		this.timer.at(due, () -> enqueue(attempt.next(due)));
	}

	/**
	 * When attempt {@code n} (from 1) is due after the first: the waits are 5, 10, 15 …
	 * minutes, so 5·n(n−1)/2 minutes.
	 */
	static Duration offsetOf(int attempt) {
		return RETRY_STEP.multipliedBy((long) attempt * (attempt - 1) / 2);
	}

	/** The target's current URL and secret, or null when it is gone or inactive. */
	private Target current(String targetId) {
		for (Configured target : this.configured) {
			if (target.id.equals(targetId)) {
				return target.active.get()
						? new Target(target.id, target.target.url().toString(), target.target.secret()) : null;
			}
		}
		return this.state.locked(() -> this.state.webhookList()
			.stream()
			.filter((webhook) -> webhook.id().equals(targetId) && webhook.active())
			.findFirst()
			.map((webhook) -> new Target(webhook.id(), webhook.url(), webhook.secret()))
			.orElse(null));
	}

	private void disable(String targetId) {
		log.log(System.Logger.Level.INFO, "Webhook " + targetId + " disabled after 24 hours of failed deliveries");
		for (Configured target : this.configured) {
			if (target.id.equals(targetId)) {
				target.active.set(false);
				return;
			}
		}
		this.state.locked(() -> {
			this.state.webhookList()
				.stream()
				.filter((webhook) -> webhook.id().equals(targetId))
				.findFirst()
				.ifPresent((webhook) -> this.state.putWebhook(webhook.withActive(false)));
			return null;
		});
	}

	private record Target(String id, String url, String secret) {

	}

	private record Configured(String id, WebhookTarget target, AtomicBoolean active) {

		Configured(String id, WebhookTarget target) {
			this(id, target, new AtomicBoolean(true));
		}

	}

	private record Attempt(Delivery delivery, int number, Instant firstAt, Instant plannedAt, long epoch) {

		Attempt next(Instant due) {
			return new Attempt(this.delivery, this.number + 1, this.firstAt, due, this.epoch);
		}

	}

}
