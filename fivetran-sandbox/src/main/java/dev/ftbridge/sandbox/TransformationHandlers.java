package dev.ftbridge.sandbox;

import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

/**
 * Transformations (the current Transformation API): create (for test setup), details, run
 * and cancel. A run is handed to the {@link SyncEngine}; a cancel stops a running one
 * here ({@code CANCELED}, and the engine's pending end of that run is ignored).
 */
final class TransformationHandlers {

	private static final Set<String> TYPES = Set.of("DBT_CORE", "QUICKSTART");

	private final SandboxState state;

	private final SyncEngine engine;

	TransformationHandlers(SandboxState state, SyncEngine engine) {
		this.state = state;
		this.engine = engine;
	}

	void register(Router router) {
		router.add("POST", "/v1/transformations", Cost.WRITE, this::create)
			.add("GET", "/v1/transformations/{transformationId}", Cost.READ, this::details)
			.add("POST", "/v1/transformations/{transformationId}/run", Cost.WRITE, this::run)
			.add("POST", "/v1/transformations/{transformationId}/cancel", Cost.WRITE, this::cancel);
	}

	private ApiResponse create(ApiRequest request) {
		ObjectNode body = request.requireObject();
		String type = Json.requiredText(body, "type");
		if (!TYPES.contains(type)) {
			throw ApiException.invalidInput("Field 'type' must be one of " + TYPES);
		}
		ObjectNode schedule = Json.optionalObject(body, "schedule");
		if (schedule == null) {
			schedule = Json.object().put("schedule_type", "INTERVAL").put("interval", 60);
		}
		Json.requiredText(schedule, "schedule_type");
		ObjectNode config = Json.optionalObject(body, "transformation_config");
		boolean paused = Json.optionalBoolean(body, "paused", false);
		SandboxTransformation transformation = new SandboxTransformation(this.state.newId(), type, schedule.deepCopy(),
				(config != null) ? config.deepCopy() : Json.object(), paused, this.state.now());
		ObjectNode json = this.state.locked(() -> {
			this.state.putTransformation(transformation);
			return transformation.toJson();
		});
		return ApiResponse.created("Transformation has been created", json);
	}

	private ApiResponse details(ApiRequest request) {
		String id = request.variable("transformationId");
		ObjectNode json = this.state.locked(() -> this.state.requireTransformation(id).toJson());
		return ApiResponse.ok("Transformation details retrieved successfully", json);
	}

	private ApiResponse run(ApiRequest request) {
		String id = request.variable("transformationId");
		boolean fullRefresh = Json.optionalBoolean(request.objectOrEmpty(), "full_refresh", false);
		this.state.locked(() -> this.state.requireTransformation(id));
		this.engine.transformationRunRequested(id, fullRefresh);
		return ApiResponse.message("Transformation run has been triggered");
	}

	/**
	 * A running execution becomes {@code CANCELED} at once (Fivetran passes through
	 * {@code TERMINATING}); with nothing running, nothing changes.
	 */
	private ApiResponse cancel(ApiRequest request) {
		String id = request.variable("transformationId");
		this.state.locked(() -> {
			SandboxTransformation transformation = this.state.requireTransformation(id);
			if ("RUNNING".equals(transformation.status)) {
				transformation.status = "CANCELED";
				transformation.lastEndedAt = this.state.now();
				transformation.runGeneration++;
			}
			return transformation;
		});
		return ApiResponse.message("Transformation with id '" + id + "' has been canceled");
	}

}
