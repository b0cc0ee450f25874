package dev.ftbridge.fivetran;

import dev.ftbridge.support.ProjectFiles;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Checks every factory of {@link FivetranRequests} against Fivetran's OpenAPI definition:
 * path, method, path parameters, query parameters, required body fields and the
 * {@code Accept} version. The factories are found by reflection, so a new one is checked
 * without touching this test.
 */
class FivetranRequestsOpenApiTest {

	private static final String ENV = "FIVETRAN_OPENAPI";

	private static final Path DEFAULT_LOCATION = ProjectFiles.root()
		.resolveSibling("shared")
		.resolve("fivetran-openapi/open-api-spec.json");

	private static final String JSON_V2 = "application/json;version=2";

	private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}]+)}");

	static JsonNode spec;

	@BeforeAll
	static void readOpenApiDefinition() throws IOException {
		Path location = location();
		spec = Files.isRegularFile(location) ? JsonMapper.builder().build().readTree(Files.readAllBytes(location))
				: null;
	}

	@BeforeEach
	void skipWithoutOpenApiDefinition() {
		// Assumed per test (not in @BeforeAll) so that every skipped test reports why.
		if (spec == null) {
			Assumptions.assumeTrue(false, "Fivetran's OpenAPI definition not found at "
					+ location().toAbsolutePath().normalize() + " (set " + ENV + " to its path); skipping");
		}
	}

	static Stream<Named<Method>> factories() {
		return Arrays.stream(FivetranRequests.class.getDeclaredMethods())
			.filter((method) -> Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers()))
			.sorted(Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount))
			.map((method) -> Named.of(method.getName(), method));
	}

	@Test
	void everyPublicFactoryIsFoundAndBuildsARequest() {
		List<Method> factories = factories().map(Named::getPayload).toList();
		assertThat(factories).extracting(Method::getName)
			.contains("createConnection", "updateConnection", "setPaused", "deleteConnection", "connectionDetails",
					"syncConnection", "resyncConnection", "resyncTables", "updateSchemaConfig", "updateSchema",
					"updateTable", "updateColumn", "reloadSchemaConfig", "runSetupTests", "groupConnections",
					"runTransformation");
		assertThat(factories).allSatisfy(
				(factory) -> assertThat(factory.getReturnType()).as("%s returns a FivetranRequest", factory.getName())
					.isEqualTo(FivetranRequest.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("factories")
	void pathAndMethodAreInOpenApi(Method factory) {
		FivetranRequest request = request(factory);
		JsonNode path = spec.path("paths").path(request.pathTemplate());
		assertThat(path.isObject()).as("%s: path %s is in the OpenAPI paths", factory.getName(), request.pathTemplate())
			.isTrue();
		assertThat(path.has(method(request)))
			.as("%s: %s %s is an OpenAPI operation", factory.getName(), request.method(), request.pathTemplate())
			.isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("factories")
	void pathParametersMatchOpenApi(Method factory) {
		FivetranRequest request = request(factory);
		List<String> templateNames = new ArrayList<>();
		Matcher matcher = TEMPLATE_VARIABLE.matcher(request.pathTemplate());
		while (matcher.find()) {
			templateNames.add(matcher.group(1));
		}
		assertThat(specParameterNames(request, "path")).as("%s: OpenAPI path parameters", factory.getName())
			.containsExactlyInAnyOrderElementsOf(templateNames);
		assertThat(request.pathVariables()).as("%s: one value per template variable", factory.getName())
			.hasSameSizeAs(templateNames);
		assertThat(request.path()).as("%s: path with variables filled in", factory.getName())
			.doesNotContain("{", "}")
			.startsWith("/v1/");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("factories")
	void queryParametersAreDeclaredInOpenApi(Method factory) {
		FivetranRequest request = request(factory);
		assertThat(specParameterNames(request, "query")).as("%s: OpenAPI query parameters", factory.getName())
			.containsAll(request.query().keySet());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("factories")
	void bodyHasEveryPropertyOpenApiRequires(Method factory) {
		FivetranRequest request = request(factory);
		JsonNode requestBody = resolve(operation(request).path("requestBody"));
		if (request.body() == null) {
			assertThat(requestBody.path("required").asBoolean(false))
				.as("%s: OpenAPI requires a body, the request has none", factory.getName())
				.isFalse();
			return;
		}
		assertThat(requestBody.isObject())
			.as("%s: the request has a body but OpenAPI defines none for %s %s", factory.getName(), request.method(),
					request.pathTemplate())
			.isTrue();
		JsonNode schema = bodySchema(request);
		assertThat(request.body().isObject()).as("%s: the body is a JSON object", factory.getName()).isTrue();
		assertThat(request.body().propertyNames()).as("%s: required body properties", factory.getName())
			.containsAll(required(schema));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("factories")
	void bodyPropertiesTheFactoryAddsAreDeclaredInOpenApi(Method factory) {
		ObjectNode callerBody = sampleBody(factory);
		FivetranRequest request = invoke(factory, callerBody);
		if (request.body() == null || request.body().equals(scope())) {
			// nothing of the factory's own: the scope passed in is the whole body
			return;
		}
		Set<String> added = new LinkedHashSet<>(request.body().propertyNames());
		added.removeAll(callerBody.propertyNames());
		assertThat(properties(bodySchema(request))).as("%s: OpenAPI body properties", factory.getName())
			.containsAll(added);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("factories")
	void acceptVersionMatchesOpenApi(Method factory) {
		FivetranRequest request = request(factory);
		Set<String> accepted = new LinkedHashSet<>();
		for (JsonNode parameter : specParameters(request)) {
			if (parameter.path("in").asString("").equals("header")
					&& parameter.path("name").asString("").equalsIgnoreCase("Accept")) {
				JsonNode schema = resolve(parameter.path("schema"));
				addText(accepted, schema.path("default"));
				addText(accepted, schema.path("example"));
				addText(accepted, parameter.path("example"));
				schema.path("enum").forEach((value) -> addText(accepted, value));
			}
		}
		assertThat(request.acceptVersion2())
			.as("%s: acceptVersion2 for %s %s, whose OpenAPI Accept values are %s", factory.getName(), request.method(),
					request.pathTemplate(), accepted)
			.isEqualTo(accepted.contains(JSON_V2));
	}

	static Path location() {
		String configured = System.getenv(ENV);
		return (configured != null && !configured.isBlank()) ? Path.of(configured) : DEFAULT_LOCATION;
	}

	/** The request a factory builds from sample arguments that satisfy its operation. */
	static FivetranRequest request(Method factory) {
		return invoke(factory, sampleBody(factory));
	}

	/**
	 * A body with every property the factory's operation requires: the factory is first
	 * called with an empty body to learn which operation it builds.
	 */
	private static ObjectNode sampleBody(Method factory) {
		FivetranRequest probe = invoke(factory, JsonNodeFactory.instance.objectNode());
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		JsonNode schema = bodySchema(probe);
		for (String name : required(schema)) {
			body.set(name, placeholder(resolve(property(schema, name))));
		}
		return body;
	}

	private static FivetranRequest invoke(Method factory, ObjectNode body) {
		Class<?>[] types = factory.getParameterTypes();
		Object[] arguments = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			arguments[i] = sample(factory, types[i], body);
		}
		try {
			return (FivetranRequest) factory.invoke(null, arguments);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(factory.getName() + " failed with sample arguments", ex);
		}
	}

	private static Object sample(Method factory, Class<?> type, ObjectNode body) {
		if (type == String.class) {
			return "abc";
		}
		if (type == boolean.class || type == Boolean.class) {
			return true;
		}
		if (type == int.class || type == Integer.class) {
			return 100;
		}
		if (type == ObjectNode.class) {
			return body.deepCopy();
		}
		if (type == JsonNode.class) {
			return scope();
		}
		return fail("No sample argument for a %s parameter of %s; teach this test one", type.getName(),
				factory.getName());
	}

	private static ObjectNode scope() {
		ObjectNode scope = JsonNodeFactory.instance.objectNode();
		scope.putArray("public").add("orders");
		return scope;
	}

	private static JsonNode placeholder(JsonNode schema) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		switch (schema.path("type").asString("string")) {
			case "boolean":
				return nodes.booleanNode(true);
			case "integer":
			case "number":
				return nodes.numberNode(100);
			case "object":
				return nodes.objectNode();
			case "array":
				return nodes.arrayNode();
			default:
				return nodes.stringNode("abc");
		}
	}

	private static String method(FivetranRequest request) {
		return request.method().name().toLowerCase(Locale.ROOT);
	}

	/** The OpenAPI operation, or a missing node. */
	private static JsonNode operation(FivetranRequest request) {
		return spec.path("paths").path(request.pathTemplate()).path(method(request));
	}

	/** Path-level and operation-level parameters, resolved. */
	private static List<JsonNode> specParameters(FivetranRequest request) {
		List<JsonNode> parameters = new ArrayList<>();
		spec.path("paths").path(request.pathTemplate()).path("parameters").forEach((p) -> parameters.add(resolve(p)));
		operation(request).path("parameters").forEach((p) -> parameters.add(resolve(p)));
		return parameters;
	}

	private static List<String> specParameterNames(FivetranRequest request, String in) {
		return specParameters(request).stream()
			.filter((parameter) -> parameter.path("in").asString("").equals(in))
			.map((parameter) -> parameter.path("name").asString())
			.toList();
	}

	/** The JSON schema of the operation's body, resolved, or a missing node. */
	private static JsonNode bodySchema(FivetranRequest request) {
		JsonNode content = resolve(operation(request).path("requestBody")).path("content");
		return resolve(content.path("application/json").path("schema"));
	}

	/**
	 * The properties a schema requires at its top level (and in {@code allOf} parts);
	 * {@code oneOf}/{@code anyOf} alternatives and discriminator mappings are not
	 * followed.
	 */
	private static Set<String> required(JsonNode schema) {
		Set<String> required = new LinkedHashSet<>();
		JsonNode resolved = resolve(schema);
		resolved.path("required").forEach((name) -> required.add(name.asString()));
		resolved.path("allOf").forEach((part) -> required.addAll(required(part)));
		return required;
	}

	private static Set<String> properties(JsonNode schema) {
		Set<String> properties = new LinkedHashSet<>();
		JsonNode resolved = resolve(schema);
		properties.addAll(resolved.path("properties").propertyNames());
		resolved.path("allOf").forEach((part) -> properties.addAll(properties(part)));
		return properties;
	}

	private static JsonNode property(JsonNode schema, String name) {
		JsonNode resolved = resolve(schema);
		if (resolved.path("properties").has(name)) {
			return resolved.path("properties").path(name);
		}
		for (JsonNode part : resolved.path("allOf")) {
			JsonNode found = property(part, name);
			if (!found.isMissingNode()) {
				return found;
			}
		}
		return resolved.path("properties").path(name);
	}

	private static JsonNode resolve(JsonNode node) {
		JsonNode resolved = node;
		for (int depth = 0; depth < 20 && resolved.has("$ref"); depth++) {
			String ref = resolved.path("$ref").asString();
			assertThat(ref).as("only local $refs are supported").startsWith("#/");
			resolved = spec.at(ref.substring(1));
		}
		return resolved;
	}

	private static void addText(Set<String> values, JsonNode value) {
		if (value.isString()) {
			values.add(value.asString().replace(" ", ""));
		}
	}

}
