package dev.ftbridge.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A Fivetran REST API stand-in on a real HTTP port. Start one with
 * {@code FivetranSandbox.start(settings)}, point the client at {@link #baseUrl()}, and
 * script it through {@link #faults()}, {@link #state()}, {@link #script},
 * {@link #webhooks()}, {@link #requestLog()}, {@link #deliveries()} and
 * {@link #addListener}. Close it when done.
 */
public final class FivetranSandbox implements AutoCloseable {

	static {
		// The JDK server writes headers and body separately; with Nagle's algorithm on,
		// the
		// client's delayed ACK adds ~40 ms to every answer, which would swamp the latency
		// the sandbox simulates. Read once, when the JDK server first loads.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final SandboxSettings settings;

	private final SandboxClock clock;

	private final SandboxState state;

	private final Faults faults;

	private final RateLimiter limiter;

	private final RequestLog requestLog;

	private final SandboxEvents events = new SandboxEvents();

	private final DeliveryLog deliveries;

	private final Webhooks webhooks;

	private final SyncEngine engine;

	private final RequestPipeline pipeline;

	private HttpServer server;

	private ExecutorService executor;

	public FivetranSandbox(SandboxSettings settings) {
		this(settings, Clock.systemUTC(), SimulatedSyncEngine::new);
	}

	/** A sandbox on a given real clock: tests drive sandbox time with it. */
	public FivetranSandbox(SandboxSettings settings, Clock realClock) {
		this(settings, realClock, SimulatedSyncEngine::new);
	}

	/**
	 * A sandbox on a given real clock and with a different sync engine (the default one,
	 * {@link SimulatedSyncEngine}, runs {@link SyncScript}s; webhooks are delivered
	 * whichever engine publishes the events).
	 */
	public FivetranSandbox(SandboxSettings settings, Clock realClock, SyncEngine.Factory engineFactory) {
		this.settings = settings;
		this.clock = new SandboxClock(realClock, settings.timeScale());
		BasicAuth auth = new BasicAuth(settings.apiKey(), settings.apiSecret());
		this.state = new SandboxState(this.clock);
		this.faults = new Faults(this.clock, new SplittableRandom());
		this.limiter = new RateLimiter(settings.limits());
		this.requestLog = new RequestLog(settings.requestLogCapacity());
		this.deliveries = new DeliveryLog(settings.requestLogCapacity());
		this.webhooks = new Webhooks(settings, this.state, this.clock, this.deliveries);
		// first, so that a test's own listener hears an event after its delivery is
		// queued
		this.events.add(this.webhooks::onEvent);
		this.engine = engineFactory.create(this.state, this.clock, settings.lifecycle(), this.events);
		applyInitialFaults();
		Router api = new Router();
		ConnectCards connectCards = new ConnectCards(this.state);
		new ConnectionHandlers(this.state, this.events, connectCards).register(api);
		connectCards.register(api);
		new ConnectionActionHandlers(this.state, this.events, this.engine).register(api);
		new SchemaHandlers(this.state).register(api);
		new GroupHandlers(this.state).register(api);
		new TransformationHandlers(this.state, this.engine).register(api);
		new WebhookHandlers(this.state, this.webhooks).register(api);
		new UserHandlers(this.state).register(api);
		new TeamHandlers(this.state).register(api);
		new DestinationHandlers(this.state).register(api);
		new CertificateHandlers(this.state).register(api);
		new MembershipHandlers(this.state).register(api);
		Router control = new Router();
		new ControlHandlers(this).register(control);
		new LifecycleControlHandlers(this).register(control);
		this.pipeline = new RequestPipeline(this.clock, auth, api, control, this.limiter, settings.latency(),
				this.faults, this.requestLog);
	}

	/** Creates and starts a sandbox. */
	public static FivetranSandbox start(SandboxSettings settings) {
		return new FivetranSandbox(settings).start();
	}

	/** Binds the port and starts serving; returns this. */
	public synchronized FivetranSandbox start() {
		if (this.server != null) {
			return this;
		}
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "fivetran-sandbox-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			this.server = HttpServer.create(new InetSocketAddress(this.settings.host(), this.settings.port()), 256);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Cannot bind the Fivetran sandbox to " + this.settings.host() + ":" + this.settings.port(), ex);
		}
		this.server.createContext("/", this.pipeline);
		this.server.setExecutor(this.executor);
		this.server.start();
		return this;
	}

	/**
	 * Stops serving at once (held and hanging requests are dropped) and stops lifecycles.
	 */
	public synchronized void stop() {
		if (this.server != null) {
			this.server.stop(0);
			this.executor.shutdownNow();
			this.server = null;
		}
		this.engine.close();
		this.webhooks.close();
	}

	@Override
	public void close() {
		stop();
	}

	/** The root to give a client in place of {@code https://api.fivetran.com}. */
	public URI baseUrl() {
		String host = "0.0.0.0".equals(this.settings.host()) ? "127.0.0.1" : this.settings.host();
		return URI.create("http://" + host + ":" + port());
	}

	/** The bound port (useful with port 0). */
	public synchronized int port() {
		if (this.server == null) {
			throw new IllegalStateException("The sandbox is not started");
		}
		return this.server.getAddress().getPort();
	}

	/**
	 * Forgets all state, requests, deliveries, pending retries, faults and the webhook
	 * switch (back to the settings' ones) and rate counts.
	 */
	public void reset() {
		this.state.clear();
		this.requestLog.clear();
		this.webhooks.reset();
		this.deliveries.clear();
		this.faults.clear();
		this.limiter.clear();
		applyInitialFaults();
	}

	public FivetranSandbox addListener(LifecycleListener listener) {
		this.events.add(listener);
		return this;
	}

	public SandboxSettings settings() {
		return this.settings;
	}

	public SandboxClock clock() {
		return this.clock;
	}

	public SandboxState state() {
		return this.state;
	}

	public Faults faults() {
		return this.faults;
	}

	public RequestLog requestLog() {
		return this.requestLog;
	}

	/** Every webhook delivery attempt made. */
	public DeliveryLog deliveries() {
		return this.deliveries;
	}

	/** Webhook delivery: the on/off switch and the targets' state. */
	public Webhooks webhooks() {
		return this.webhooks;
	}

	/**
	 * Queues how the connection's next syncs end, one script per sync, after any already
	 * queued (see {@link SyncScript}); honoured by the default {@link SyncEngine}.
	 */
	public FivetranSandbox script(String connectionId, SyncScript... scripts) {
		this.state.script(connectionId, List.of(scripts));
		return this;
	}

	/** The scripts still queued for the connection, next first. */
	public List<SyncScript> scripts(String connectionId) {
		return this.state.scripts(connectionId);
	}

	private void applyInitialFaults() {
		SandboxSettings.FaultSettings initial = this.settings.faults();
		this.faults.errorRate(initial.errorRate(), initial.errorStatus()).unauthorized(initial.unauthorized());
	}

}
