package dev.ftbridge.webhook;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /webhooks/fivetran} (the account {@code default}) and
 * {@code POST /webhooks/fivetran/<account>} as a plain asynchronous servlet, not through
 * Spring MVC: a path with no account configured is answered 404 before the body is read;
 * the body is read without blocking (a sender that trickles bytes holds a connection,
 * never a request thread), the answer is written when Kafka acknowledges, and a request
 * that has not been answered within its deadline (body read plus inbox timeout) is
 * answered 408 or 503 and closed.
 */
final class WebhookServlet extends HttpServlet {

	static final String PATH = "/webhooks/fivetran";

	/** The servlet mapping: {@link #PATH} itself and one path segment below it. */
	static final String MAPPING = PATH + "/*";

	private final transient WebhookController controller;

	private final long deadlineMillis;

	WebhookServlet(WebhookController controller, Duration bodyReadTimeout, Duration inboxTimeout) {
		this.controller = controller;
		this.deadlineMillis = bodyReadTimeout.plus(inboxTimeout).toMillis();
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		WebhookAccount account = this.controller.account(request.getPathInfo());
		if (account == null) {
			write(response, this.controller.unknownAccount());
			return;
		}
		long length = request.getContentLengthLong();
		if (length > this.controller.maxBodyBytes()) {
			write(response, this.controller.tooLarge(account));
			return;
		}
		AsyncContext async = request.startAsync();
		async.setTimeout(this.deadlineMillis);
		Exchange exchange = new Exchange(async, account, request.getHeader(WebhookController.SIGNATURE_HEADER),
				(length >= 0) ? (int) length : 8192);
		async.addListener(exchange);
		ServletInputStream in = request.getInputStream();
		in.setReadListener(exchange);
	}

	private static void write(HttpServletResponse response, WebhookController.Answer answer) throws IOException {
		byte[] bytes = answer.bytes();
		response.setStatus(answer.status());
		response.setContentType("application/json");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	/** One request: its body as it arrives, and its answer, written once. */
	private final class Exchange implements ReadListener, AsyncListener {

		private final AsyncContext async;

		private final WebhookAccount account;

		private final String signature;

		private final AtomicBoolean answered = new AtomicBoolean();

		private byte[] body;

		private int count;

		Exchange(AsyncContext async, WebhookAccount account, String signature, int expected) {
			this.async = async;
			this.account = account;
			this.signature = signature;
			this.body = new byte[Math.max(expected, 1)];
		}

		@Override
		public void onDataAvailable() throws IOException {
			ServletInputStream in = this.async.getRequest().getInputStream();
			int limit = WebhookServlet.this.controller.maxBodyBytes();
			while (in.isReady() && !in.isFinished()) {
				if (this.count == this.body.length) {
					if (this.count > limit) {
						answer(WebhookServlet.this.controller.tooLarge(this.account));
						return;
					}
					this.body = Arrays.copyOf(this.body, Math.min(this.body.length * 2, limit + 1));
				}
				int read = in.read(this.body, this.count, this.body.length - this.count);
				if (read < 0) {
					return;
				}
				this.count += read;
			}
		}

		@Override
		public void onAllDataRead() {
			byte[] complete = (this.count == this.body.length) ? this.body : Arrays.copyOf(this.body, this.count);
			WebhookServlet.this.controller.receive(this.account, complete, this.signature)
				.whenComplete((answer, failure) -> {
					if (answer != null) {
						answer(answer);
					}
					else {
						answer(new WebhookController.Answer(500, "{\"error\":\"internal\"}"));
					}
				});
		}

		@Override
		public void onError(Throwable failure) {
			// the sender went away or stopped sending: nobody reads an answer
			if (this.answered.compareAndSet(false, true)) {
				this.async.complete();
			}
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			answer(new WebhookController.Answer(408, "{\"error\":\"timeout\"}"));
		}

		@Override
		public void onComplete(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
			onError(event.getThrowable());
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

		private void answer(WebhookController.Answer answer) {
			if (!this.answered.compareAndSet(false, true)) {
				return;
			}
			try {
				write((HttpServletResponse) this.async.getResponse(), answer);
			}
			catch (IOException | RuntimeException ex) {
				// the sender is gone; the connection is closed below
			}
			finally {
				this.async.complete();
			}
		}

	}

}
