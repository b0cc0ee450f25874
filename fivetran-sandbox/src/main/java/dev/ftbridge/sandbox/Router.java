package dev.ftbridge.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Routes a method and path to a handler: the matching route with the most literal
 * segments wins, so {@code /schemas/reload} beats {@code /schemas/{schemaName}}. A path
 * that matches only under other methods gets 405, an unknown path 404.
 */
final class Router {

	private final List<Route> routes = new ArrayList<>();

	/** Adds a route whose cost is fixed. */
	Router add(String method, String template, Cost cost, Handler handler) {
		return add(method, template, (request) -> cost, handler);
	}

	/**
	 * Adds a route whose cost depends on the request (e.g. on {@code run_setup_tests}).
	 */
	Router add(String method, String template, Function<ApiRequest, Cost> cost, Handler handler) {
		this.routes.add(new Route(method, new PathTemplate(template), cost, handler));
		return this;
	}

	/** The route for the request, or an {@link ApiException} (404 or 405). */
	Match match(String method, String rawPath) {
		Match best = null;
		boolean pathKnown = false;
		for (Route route : this.routes) {
			Map<String, String> variables = route.template.match(rawPath);
			if (variables == null) {
				continue;
			}
			pathKnown = true;
			if (route.method.equals(method)
					&& (best == null || route.template.literals() > best.route.template.literals())) {
				best = new Match(route, variables);
			}
		}
		if (best != null) {
			return best;
		}
		if (pathKnown) {
			throw new ApiException(405, "MethodNotAllowed", "Method " + method + " is not allowed on " + rawPath);
		}
		throw new ApiException(404, "NotFound", "No endpoint " + method + " " + rawPath);
	}

	/** Answers one request. */
	@FunctionalInterface
	interface Handler {

		ApiResponse handle(ApiRequest request);

	}

	record Route(String method, PathTemplate template, Function<ApiRequest, Cost> cost, Handler handler) {

	}

	record Match(Route route, Map<String, String> variables) {

	}

}
