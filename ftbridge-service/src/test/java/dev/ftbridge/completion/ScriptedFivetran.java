package dev.ftbridge.completion;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ftbridge.fivetran.ConnectionDetails;
import dev.ftbridge.fivetran.TransformationState;

/** OperationCalls answered from JSON the test sets, counting every call. */
final class ScriptedFivetran implements OperationCalls {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, JsonNode> details = new ConcurrentHashMap<>();

	final List<String> detailCalls = new CopyOnWriteArrayList<>();

	final List<String> syncCalls = new CopyOnWriteArrayList<>();

	final List<String> cancelCalls = new CopyOnWriteArrayList<>();

	private RuntimeException cancelFailure;

	/** Fails every cancel with this exception. */
	void failCancels(RuntimeException failure) {
		this.cancelFailure = failure;
	}

	void details(String id, String json) {
		this.details.put(id, JSON.readTree(json));
	}

	@Override
	public ConnectionDetails connection(String connectionId) {
		return ConnectionDetails.of(answer(connectionId));
	}

	@Override
	public TransformationState transformation(String transformationId) {
		return TransformationState.of(answer(transformationId));
	}

	private JsonNode answer(String id) {
		this.detailCalls.add(id);
		return this.details.getOrDefault(id, JSON.createObjectNode());
	}

	@Override
	public void triggerSync(String connectionId) {
		this.syncCalls.add(connectionId);
	}

	@Override
	public void cancelTransformation(String transformationId) {
		this.cancelCalls.add(transformationId);
		if (this.cancelFailure != null) {
			throw this.cancelFailure;
		}
	}

}
