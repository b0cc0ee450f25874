package dev.ftbridge.command.handlers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ftbridge.fivetran.FivetranClient;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * An in-memory Fivetran for handler tests: answers are queued per endpoint (method and
 * path template; the last one repeats), every request sent is kept, and a request nobody
 * prepared an answer for fails the test.
 */
final class FakeFivetran implements FivetranPort {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Deque<Object>> answers = new HashMap<>();

	private final List<FivetranRequest> sent = new ArrayList<>();

	/**
	 * Answers requests to that endpoint with this {@code data} (JSON, where {@code '}
	 * stands for {@code "}).
	 */
	FakeFivetran answer(FivetranRequest endpoint, String data) {
		return queue(endpoint, new FivetranResponse(200, "Success", null, parse(data), 1));
	}

	/** Answers list requests to that endpoint with these items (JSON objects). */
	FakeFivetran list(FivetranRequest endpoint, String... items) {
		List<JsonNode> nodes = new ArrayList<>();
		for (String item : items) {
			nodes.add(parse(item));
		}
		return queue(endpoint, new FivetranClient.Items(nodes, 1));
	}

	/** Fails requests to that endpoint with this exception. */
	FakeFivetran fail(FivetranRequest endpoint, FivetranException failure) {
		return queue(endpoint, failure);
	}

	/** Every request sent, in order. */
	List<FivetranRequest> sent() {
		return List.copyOf(this.sent);
	}

	/** The requests sent, each as {@code METHOD /expanded/path}. */
	List<String> sentPaths() {
		return this.sent.stream().map((request) -> request.method() + " " + request.path()).toList();
	}

	@Override
	public FivetranResponse execute(FivetranRequest request) {
		return (FivetranResponse) next(request);
	}

	@Override
	public FivetranClient.Items listAll(FivetranRequest request) {
		return (FivetranClient.Items) next(request);
	}

	private Object next(FivetranRequest request) {
		this.sent.add(request);
		Deque<Object> queue = this.answers.get(endpoint(request));
		if (queue == null) {
			throw new AssertionError("no answer prepared for " + endpoint(request));
		}
		Object answer = (queue.size() > 1) ? queue.poll() : queue.peek();
		if (answer instanceof FivetranException failure) {
			throw failure;
		}
		return answer;
	}

	private FakeFivetran queue(FivetranRequest endpoint, Object answer) {
		this.answers.computeIfAbsent(endpoint(endpoint), (key) -> new ArrayDeque<>()).add(answer);
		return this;
	}

	/** JSON where {@code '} stands for {@code "}, so tests need no escapes. */
	static JsonNode parse(String data) {
		return json.readTree(data.replace('\'', '"'));
	}

	static String endpoint(FivetranRequest request) {
		return request.method() + " " + request.pathTemplate();
	}

}
