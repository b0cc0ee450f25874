package dev.ftbridge.ops;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.ftbridge.command.CommandProperties;
import dev.ftbridge.kafka.TopicProperties;

/**
 * What the application itself says: its configuration defaults (bound exactly as Spring
 * Boot binds them) and what {@code application.yml} sets.
 */
final class Application {

	private Application() {
	}

	static TopicProperties topicDefaults() {
		return defaults("ftbridge.topics", TopicProperties.class);
	}

	static CommandProperties commandDefaults() {
		return defaults("ftbridge.command", CommandProperties.class);
	}

	/**
	 * Binds a configuration record from environment variables, the way the running
	 * application would see them (relaxed binding), with the record's defaults for
	 * anything not set.
	 */
	static <T> T bindEnvironment(Map<String, String> environment, String prefix, Class<T> type) {
		SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(environment));
		return new Binder(ConfigurationPropertySources.from(source)).bindOrCreate(prefix, type);
	}

	/**
	 * One property bound from environment variables as the application would bind it
	 * (e.g. {@code ftbridge.fivetran.base-url} from {@code FTBRIDGE_FIVETRAN_BASE_URL}),
	 * or null where none sets it.
	 */
	static <T> T bindEnvironment(Map<String, String> environment, String property, Bindable<T> type) {
		SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(environment));
		return new Binder(ConfigurationPropertySources.from(source)).bind(property, type).orElse(null);
	}

	/** Topic names by their {@code ftbridge.topics.*} property, e.g. command-results. */
	static Map<String, String> topicNames(TopicProperties topics) {
		Map<String, String> names = new LinkedHashMap<>();
		for (RecordComponent component : TopicProperties.class.getRecordComponents()) {
			if (component.getType() == String.class) {
				names.put(kebab(component.getName()), (String) invoke(component, topics));
			}
		}
		return names;
	}

	/** {@code server.port} from application.yml, else Spring Boot's default. */
	static int serverPort() {
		Object port = applicationYaml("server.port");
		return (port != null) ? Integer.parseInt(port.toString()) : 8080;
	}

	/**
	 * The actuator's port, {@code management.server.port} from application.yml (a
	 * {@code ${VARIABLE:default}} placeholder gives its default).
	 */
	static int managementPort() {
		Object port = applicationYaml("management.server.port");
		if (port == null) {
			throw new AssertionError("management.server.port is not set: actuator would share the webhook port");
		}
		String text = port.toString();
		return Integer
			.parseInt(text.startsWith("${") ? text.substring(text.indexOf(':') + 1, text.length() - 1) : text);
	}

	/** A value of application.yml by its dotted path, or null. */
	static Object applicationYaml(String dottedPath) {
		Object node = OpsFiles.yaml("ftbridge-service/src/main/resources/application.yml");
		for (String key : dottedPath.split("\\.")) {
			if (!(node instanceof Map<?, ?> map)) {
				return null;
			}
			node = map.get(key);
		}
		return node;
	}

	static List<String> exposedEndpoints() {
		Object include = applicationYaml("management.endpoints.web.exposure.include");
		return (include != null) ? List.of(include.toString().split("\\s*,\\s*")) : List.of("health");
	}

	private static <T> T defaults(String prefix, Class<T> type) {
		return new Binder(new MapConfigurationPropertySource()).bindOrCreate(prefix, type);
	}

	private static Object invoke(RecordComponent component, Object target) {
		try {
			return component.getAccessor().invoke(target);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}

}
