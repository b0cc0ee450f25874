package dev.ftbridge.sandbox;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Every API request the sandbox received (up to a capacity; the oldest go first),
 * including rejected and faulted ones; control requests under {@code /sandbox/} are not
 * logged. Tests use it to count calls and effects per connection.
 */
public final class RequestLog {

	private final BoundedLog<LoggedRequest> entries;

	RequestLog(int capacity) {
		this.entries = new BoundedLog<>(capacity, LoggedRequest::withSequence);
	}

	void add(LoggedRequest request) {
		this.entries.add(request);
	}

	/** Every logged request, in arrival order. */
	public List<LoggedRequest> requests() {
		return this.entries.all();
	}

	/**
	 * The requests with that method (null for any) whose path matches the template, e.g.
	 * {@code /v1/connections/{id}/sync}.
	 */
	public List<LoggedRequest> requests(String method, String pathTemplate) {
		PathTemplate template = new PathTemplate(pathTemplate);
		return matching((request) -> (method == null || method.equalsIgnoreCase(request.method()))
				&& template.match(request.path()) != null);
	}

	/**
	 * The sequence number of the latest logged request, -1 if none: a mark from which a
	 * test counts only the requests that come after it.
	 */
	public long lastSequence() {
		return requests().stream().mapToLong(LoggedRequest::sequence).max().orElse(-1);
	}

	/** How many requests {@link #requests(String, String)} returns. */
	public int count(String method, String pathTemplate) {
		return requests(method, pathTemplate).size();
	}

	/** Every request that concerned the connection. */
	public List<LoggedRequest> concerning(String connectionId) {
		return matching((request) -> Objects.equals(connectionId, request.connectionId()));
	}

	/**
	 * The requests that changed the connection: applied, not a GET, including those whose
	 * answer was lost to a timeout or reset.
	 */
	public List<LoggedRequest> effectsFor(String connectionId) {
		return matching((request) -> Objects.equals(connectionId, request.connectionId()) && request.isEffect());
	}

	public List<LoggedRequest> matching(Predicate<LoggedRequest> predicate) {
		return this.entries.matching(predicate);
	}

	public void clear() {
		this.entries.clear();
	}

}
