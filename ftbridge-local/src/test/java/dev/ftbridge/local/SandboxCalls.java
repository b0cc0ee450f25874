package dev.ftbridge.local;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.ftbridge.cli.Console;
import dev.ftbridge.cli.Console.Colour;
import dev.ftbridge.sandbox.FivetranSandbox;
import dev.ftbridge.sandbox.LoggedRequest;

/**
 * Shows every call the bridge makes to the (sandbox) Fivetran API, from its request log.
 */
final class SandboxCalls implements AutoCloseable {

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "sandbox-calls");
		thread.setDaemon(true);
		return thread;
	});

	private long shown = -1;

	SandboxCalls(FivetranSandbox sandbox, Console console) {
		this.scheduler.scheduleWithFixedDelay(() -> {
			for (LoggedRequest request : sandbox.requestLog().requests()) {
				if (request.sequence() > this.shown) {
					this.shown = request.sequence();
					console.line(Colour.GREY, "FIVETRAN", request.method() + " " + request.path() + " → "
							+ ((request.status() > 0) ? request.status() : "no answer"));
				}
			}
		}, 100, 100, TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
