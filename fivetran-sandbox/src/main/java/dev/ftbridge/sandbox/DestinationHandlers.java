package dev.ftbridge.sandbox;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import tools.jackson.databind.node.ObjectNode;

/**
 * Destinations, one per group: {@code POST /v1/destinations} (201; 404 without the group,
 * 409 when the group has one, 400 for a missing or unknown field value) and {@code GET
 * /v1/destinations/{destinationId}}, {@code PATCH} and {@code DELETE} of it, and
 * {@code POST /v1/destinations/{destinationId}/test}. A create or update runs setup tests
 * unless told not to, and counts as one.
 */
final class DestinationHandlers {

	/** Fivetran's {@code time_zone_offset} values: "-11" … "0" … "+12". */
	static final Set<String> TIME_ZONE_OFFSETS = IntStream.rangeClosed(-11, 12)
		.mapToObj((offset) -> (offset > 0) ? "+" + offset : Integer.toString(offset))
		.collect(Collectors.toUnmodifiableSet());

	/** Fivetran's data processing locations. */
	static final Set<String> REGIONS = Set.of("GCP_US_EAST4", "GCP_US_WEST1", "GCP_US_CENTRAL1", "GCP_EUROPE_WEST3",
			"GCP_AUSTRALIA_SOUTHEAST1", "GCP_NORTHAMERICA_NORTHEAST1", "GCP_EUROPE_WEST2", "GCP_ASIA_SOUTHEAST1",
			"GCP_ASIA_SOUTHEAST2", "GCP_ASIA_SOUTH1", "GCP_ASIA_NORTHEAST1", "AWS_US_EAST_1", "AWS_US_EAST_2",
			"AWS_US_WEST_2", "AWS_AP_NORTHEAST_1", "AWS_AP_SOUTHEAST_1", "AWS_AP_SOUTHEAST_2", "AWS_EU_CENTRAL_1",
			"AWS_EU_WEST_1", "AWS_EU_WEST_2", "AWS_AP_SOUTH_1", "AWS_CA_CENTRAL_1", "AWS_US_GOV_WEST_1",
			"AZURE_EASTUS2", "AZURE_AUSTRALIAEAST", "AZURE_UKSOUTH", "AZURE_WESTEUROPE", "AZURE_CENTRALUS",
			"AZURE_CANADACENTRAL", "AZURE_UAENORTH", "AZURE_SOUTHEASTASIA", "AZURE_EASTUS", "AZURE_JAPANEAST",
			"AZURE_CENTRALINDIA");

	private final SandboxState state;

	DestinationHandlers(SandboxState state) {
		this.state = state;
	}

	void register(Router router) {
		router.add("POST", "/v1/destinations", ConnectionHandlers::setupTestCost, this::create)
			.add("GET", "/v1/destinations/{destinationId}", Cost.READ, this::details)
			.add("PATCH", "/v1/destinations/{destinationId}", ConnectionHandlers::setupTestCost, this::update)
			.add("DELETE", "/v1/destinations/{destinationId}", Cost.WRITE, this::delete)
			.add("POST", "/v1/destinations/{destinationId}/test", Cost.SETUP_TEST, this::test);
	}

	private ApiResponse create(ApiRequest request) {
		ObjectNode body = request.requireObject();
		String groupId = Json.requiredText(body, "group_id");
		String service = Json.requiredText(body, "service");
		String offset = Json.requiredText(body, "time_zone_offset");
		if (!TIME_ZONE_OFFSETS.contains(offset)) {
			throw ApiException.invalidInput("Field 'time_zone_offset' must be one of -11 … +12, was '" + offset + "'");
		}
		String region = Json.optionalText(body, "region");
		if (region != null && !REGIONS.contains(region)) {
			throw ApiException.invalidInput("Unsupported region '" + region + "'");
		}
		ObjectNode given = Json.optionalObject(body, "config");
		ObjectNode config = (given != null) ? given.deepCopy() : Json.object();
		SetupTests.Trust trust = SetupTests.Trust.of(body);
		boolean runTests = Json.optionalBoolean(body, "run_setup_tests", true);
		ObjectNode json = this.state.locked(() -> {
			this.state.requireGroup(groupId);
			if (this.state.findDestination(groupId) != null) {
				// OpenAPI declares only 201, 400 and 404 here.
				throw ApiException.invalidInput("Group '" + groupId + "' already has a destination");
			}
			SandboxDestination destination = new SandboxDestination(groupId, service,
					(region != null) ? region : "GCP_US_EAST4", offset, config, this.state.now());
			if (runTests) {
				destination.runSetupTests(trust, Json.timestamp(this.state.now()));
			}
			this.state.putDestination(destination);
			return destination.toJson();
		});
		return ApiResponse.created("Destination has been created", json);
	}

	private ApiResponse update(ApiRequest request) {
		String id = request.variable("destinationId");
		ObjectNode body = request.requireObject();
		String offset = Json.optionalText(body, "time_zone_offset");
		if (offset != null && !TIME_ZONE_OFFSETS.contains(offset)) {
			throw ApiException.invalidInput("Field 'time_zone_offset' must be one of -11 … +12, was '" + offset + "'");
		}
		String region = Json.optionalText(body, "region");
		if (region != null && !REGIONS.contains(region)) {
			throw ApiException.invalidInput("Unsupported region '" + region + "'");
		}
		ObjectNode config = Json.optionalObject(body, "config");
		boolean runTests = Json.optionalBoolean(body, "run_setup_tests", true);
		ObjectNode json = this.state.locked(() -> {
			SandboxDestination current = this.state.requireDestination(id);
			ObjectNode merged = current.config.deepCopy();
			if (config != null) {
				merged.setAll(config);
			}
			SandboxDestination updated = new SandboxDestination(id, current.service,
					(region != null) ? region : current.region, (offset != null) ? offset : current.timeZoneOffset,
					merged, current.createdAt);
			updated.approvals.certificates.putAll(current.approvals.certificates);
			updated.approvals.fingerprints.putAll(current.approvals.fingerprints);
			if (runTests) {
				updated.runSetupTests(SetupTests.Trust.of(body), Json.timestamp(this.state.now()));
			}
			this.state.putDestination(updated);
			return updated.toJson();
		});
		return ApiResponse.ok("Destination has been updated", json);
	}

	private ApiResponse delete(ApiRequest request) {
		String id = request.variable("destinationId");
		this.state.locked(() -> {
			this.state.removeDestination(id);
			return null;
		});
		return ApiResponse.message("Destination with id '" + id + "' has been deleted");
	}

	private ApiResponse test(ApiRequest request) {
		String id = request.variable("destinationId");
		ObjectNode body = (request.body() instanceof ObjectNode given) ? given : Json.object();
		ObjectNode json = this.state.locked(() -> {
			SandboxDestination destination = this.state.requireDestination(id);
			destination.runSetupTests(SetupTests.Trust.of(body), Json.timestamp(this.state.now()));
			return destination.toJson();
		});
		return ApiResponse.ok("Setup tests were completed", json);
	}

	private ApiResponse details(ApiRequest request) {
		String id = request.variable("destinationId");
		ObjectNode json = this.state.locked(() -> this.state.requireDestination(id).toJson());
		return ApiResponse.ok("Destination details retrieved successfully", json);
	}

}
