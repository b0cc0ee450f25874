package dev.ftbridge.ops;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.ftbridge.kafka.TopicProperties;
import dev.ftbridge.sandbox.SandboxProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml runs what the application expects: its port, environment variables
 * it reads, the topics of topics.yaml, credentials only from the environment, pinned
 * images.
 */
class ComposeFileTest {

	private static final List<String> BRIDGES = List.of("bridge", "bridge-sandbox");

	private static final List<String> CREDENTIALS = List.of("FIVETRAN_API_KEY", "FIVETRAN_API_SECRET",
			"FTBRIDGE_WEBHOOK_SECRETS");

	/** ${NAME} or ${NAME:-}: taken from the environment or .env, no default value. */
	private static final String FROM_ENVIRONMENT = "\\$\\{%s(:?-)?\\}";

	/**
	 * A published port bound to the host's loopback: host ip, host port, container port.
	 */
	private static final String LOOPBACK = "127.0.0.1:";

	private final ComposeFile compose = ComposeFile.load();

	@Test
	void everyPublishedPortIsBoundToLoopbackOnly() {
		List<String> published = this.compose.services()
			.keySet()
			.stream()
			.flatMap((service) -> this.compose.strings(service, "ports").stream())
			.toList();
		assertThat(published).hasSizeGreaterThanOrEqualTo(6)
			.allSatisfy((port) -> assertThat(port).startsWith(LOOPBACK).matches("127\\.0\\.0\\.1:\\d+:\\d+"));
	}

	@Test
	void grafanaHasNoAnonymousAccessAndItsAdminPasswordComesFromTheEnvironment() {
		Map<String, String> environment = this.compose.environment("grafana");
		assertThat(environment).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false")
			.doesNotContainKeys("GF_AUTH_ANONYMOUS_ORG_ROLE", "GF_AUTH_DISABLE_LOGIN_FORM");
		// ${NAME:?message}: compose refuses to start without it; no default, no Grafana
		// "admin".
		assertThat(environment.get("GF_SECURITY_ADMIN_PASSWORD")).matches("\\$\\{GRAFANA_ADMIN_PASSWORD:\\?[^}]*\\}");
	}

	@Test
	void runsKafkaTopicCreationTheBridgePrometheusAndGrafana() {
		assertThat(this.compose.services()).containsKeys("kafka", "topics", "bridge", "bridge-sandbox", "prometheus",
				"grafana");
	}

	@Test
	void everyImageIsPinnedToAVersion() {
		this.compose.services().forEach((name, service) -> {
			String image = (String) OpsFiles.map(service).get("image");
			assertThat(image).as("image of %s", name).isNotNull().contains(":").doesNotEndWith(":latest");
			if (!OpsFiles.map(service).containsKey("build")) {
				assertThat(image.substring(image.lastIndexOf(':') + 1)).as("tag of %s", name).containsPattern("\\d");
			}
		});
	}

	@Test
	void bridgesPublishTheApplicationsPortAndWaitForTheTopics() {
		for (String bridge : BRIDGES) {
			assertThat(this.compose.service(bridge)).containsKey("build");
			assertThat(this.compose.strings(bridge, "ports")).as(bridge)
				.contains(LOOPBACK + Application.serverPort() + ":" + Application.serverPort());
			Map<String, Object> dependsOn = OpsFiles.map(this.compose.service(bridge).get("depends_on"));
			assertThat(OpsFiles.map(dependsOn.get("topics"))).containsEntry("condition",
					"service_completed_successfully");
		}
	}

	@Test
	void bridgesSetOnlyVariablesTheApplicationReads() {
		for (String bridge : BRIDGES) {
			assertThat(EnvironmentNames.unread(this.compose.environment(bridge).keySet())).as(bridge).isEmpty();
		}
	}

	@Test
	void realBridgeTakesCredentialsFromTheEnvironmentWithoutDefaults() {
		Map<String, String> environment = this.compose.environment("bridge");
		for (String name : CREDENTIALS) {
			assertThat(environment.get(name)).as(name).matches(Pattern.compile(FROM_ENVIRONMENT.formatted(name)));
		}
	}

	@Test
	void sandboxProfileRunsTheBridgeAgainstTheInProcessSandbox() {
		assertThat(this.compose.strings("bridge-sandbox", "profiles")).containsExactly("sandbox");
		assertThat(this.compose.service("bridge")).doesNotContainKey("profiles");
		assertThat(this.compose.environment("bridge-sandbox")).containsEntry("FTBRIDGE_SANDBOX_ENABLED", "true")
			.containsEntry("FTBRIDGE_FIVETRAN_BASE_URL", "http://localhost:8099");
		assertThat(this.compose.strings("bridge-sandbox", "ports")).contains(LOOPBACK + "8099:8099");
		assertThat(this.compose.environment("bridge")).doesNotContainKeys("FTBRIDGE_SANDBOX_ENABLED",
				"FTBRIDGE_FIVETRAN_BASE_URL");
	}

	@Test
	void sandboxAcceptsTheCredentialsTheBridgeSendsOnTheUrlItCalls() {
		Map<String, String> environment = this.compose.environment("bridge-sandbox");
		assertThat(environment.get("FTBRIDGE_SANDBOX_API_KEY")).isEqualTo(environment.get("FIVETRAN_API_KEY"));
		assertThat(environment.get("FTBRIDGE_SANDBOX_API_SECRET")).isEqualTo(environment.get("FIVETRAN_API_SECRET"));
		SandboxProperties sandbox = Application.bindEnvironment(environment, "ftbridge.sandbox",
				SandboxProperties.class);
		assertThat(URI.create(environment.get("FTBRIDGE_FIVETRAN_BASE_URL")).getPort()).isEqualTo(sandbox.port());
	}

	@Test
	void bridgesUseTheTopicsThatTopicsYamlDefines() {
		for (String bridge : BRIDGES) {
			TopicProperties topics = Application.bindEnvironment(this.compose.environment(bridge), "ftbridge.topics",
					TopicProperties.class);
			assertThat(Application.topicNames(topics).values()).as(bridge)
				.containsExactlyInAnyOrderElementsOf(TopicsFile.load().names());
		}
	}

	@Test
	void topicsServiceRunsCreateTopicsOnTheBridgesKafka() {
		Map<String, Object> topics = this.compose.service("topics");
		assertThat(topics.get("image")).isEqualTo(this.compose.service("kafka").get("image"));
		assertThat(this.compose.strings("topics", "volumes")).contains("./topics:/topics:ro");
		assertThat(String.join(" ", this.compose.strings("topics", "entrypoint"))).contains("/topics/create-topics.sh");
		Map<String, String> environment = this.compose.environment("topics");
		String script = OpsFiles.read("topics/create-topics.sh");
		environment.keySet()
			.forEach((name) -> assertThat(script).as("create-topics.sh reads " + name).contains("${" + name));
		for (String bridge : BRIDGES) {
			assertThat(this.compose.environment(bridge)).containsEntry("KAFKA_BOOTSTRAP_SERVERS",
					environment.get("KAFKA_BOOTSTRAP_SERVERS"));
		}
		String advertised = this.compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");
		assertThat(advertised).contains("//" + environment.get("KAFKA_BOOTSTRAP_SERVERS"));
	}

	@Test
	void bridgesRunWithAReadOnlyRootAndAWritableTmp() {
		for (String bridge : BRIDGES) {
			assertThat(this.compose.service(bridge)).containsEntry("read_only", true);
			assertThat(this.compose.strings(bridge, "tmpfs")).contains("/tmp");
		}
	}

	@Test
	void mountedFilesExist() {
		for (String service : this.compose.services().keySet()) {
			for (String volume : this.compose.strings(service, "volumes")) {
				String source = volume.split(":")[0];
				if (source.startsWith("./")) {
					assertThat(OpsFiles.path(source.substring(2))).as("%s mounts %s", service, source).exists();
				}
			}
		}
	}

}
