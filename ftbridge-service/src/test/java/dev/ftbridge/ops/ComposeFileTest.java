package dev.ftbridge.ops;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;

import dev.ftbridge.kafka.TopicProperties;
import dev.ftbridge.sandbox.SandboxProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml runs what the application expects: its port, environment variables
 * it reads, the topics of topics.yaml, credentials only from the environment, pinned
 * images; and in the sandbox profile, the sandbox's own image and a bridge that agree on
 * URLs, credentials, webhook secret and clock.
 */
class ComposeFileTest {

	private static final List<String> BRIDGES = List.of("bridge", "bridge-sandbox");

	/** The Fivetran sandbox's own service, and the bridge that calls it. */
	private static final String SANDBOX = "sandbox";

	private static final String SANDBOX_BRIDGE = "bridge-sandbox";

	/** The bridge's one public path (WebhookServlet). */
	private static final String WEBHOOK_PATH = "/webhooks/fivetran";

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
		assertThat(this.compose.services()).containsKeys("kafka", "topics", "bridge", "bridge-sandbox", "sandbox",
				"prometheus", "grafana");
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
				.contains(LOOPBACK + Application.serverPort() + ":" + Application.serverPort(),
						LOOPBACK + Application.managementPort() + ":" + Application.managementPort());
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
	void sandboxProfileRunsTheSandboxImageBesideTheBridgeImage() {
		assertThat(this.compose.strings(SANDBOX, "profiles")).containsExactly("sandbox");
		assertThat(this.compose.strings(SANDBOX_BRIDGE, "profiles")).containsExactly("sandbox");
		assertThat(this.compose.service("bridge")).doesNotContainKey("profiles");
		// The sandbox is the Dockerfile's stage `sandbox`; the bridges are its last
		// stage.
		Map<String, Object> build = OpsFiles.map(this.compose.service(SANDBOX).get("build"));
		assertThat(build).containsEntry("target", "sandbox");
		assertThat(OpsFiles.read("Dockerfile")).containsPattern("(?m)^FROM \\S+ AS sandbox$");
		assertThat(OpsFiles.map(this.compose.service(SANDBOX_BRIDGE).get("build"))).doesNotContainKey("target");
		assertThat(this.compose.service(SANDBOX).get("image"))
			.isNotEqualTo(this.compose.service(SANDBOX_BRIDGE).get("image"));
		assertThat(this.compose.service(SANDBOX_BRIDGE).get("image"))
			.isEqualTo(this.compose.service("bridge").get("image"));
		for (String bridge : BRIDGES) {
			assertThat(this.compose.environment(bridge).keySet()).as(bridge)
				.noneMatch((name) -> name.startsWith("FTBRIDGE_SANDBOX_"));
		}
		assertThat(this.compose.environment("bridge")).doesNotContainKeys("FTBRIDGE_FIVETRAN_BASE_URL",
				"FTBRIDGE_FIVETRAN_LIMITS_TIME_SCALE");
		Map<String, Object> dependsOn = OpsFiles.map(this.compose.service(SANDBOX_BRIDGE).get("depends_on"));
		assertThat(OpsFiles.map(dependsOn.get(SANDBOX))).containsEntry("condition", "service_healthy");
	}

	@Test
	void sandboxSetsOnlyVariablesItReads() {
		assertThat(EnvironmentNames.unreadBySandbox(this.compose.environment(SANDBOX).keySet())).isEmpty();
	}

	@Test
	void sandboxBridgeCallsTheSandboxServiceOnItsPublishedPort() {
		SandboxProperties sandbox = sandboxSettings();
		URI baseUrl = Application.bindEnvironment(this.compose.environmentWithoutVariables(SANDBOX_BRIDGE),
				"ftbridge.fivetran.base-url", Bindable.of(URI.class));
		assertThat(baseUrl).isNotNull();
		assertThat(baseUrl.getScheme()).isEqualTo("http");
		assertThat(baseUrl.getHost()).isEqualTo(SANDBOX);
		assertThat(baseUrl.getPort()).isEqualTo(sandbox.port());
		assertThat(this.compose.strings(SANDBOX, "ports"))
			.containsExactly(LOOPBACK + sandbox.port() + ":" + sandbox.port());
		// The image binds every interface; a loopback host here would shut the bridge
		// out.
		assertThat(this.compose.environment(SANDBOX)).doesNotContainKey("FTBRIDGE_SANDBOX_HOST");
	}

	@Test
	void sandboxAcceptsTheCredentialsTheBridgeSends() {
		SandboxProperties sandbox = sandboxSettings();
		Map<String, String> bridge = this.compose.environment(SANDBOX_BRIDGE);
		assertThat(sandbox.apiKey()).isNotBlank().isEqualTo(bridge.get("FIVETRAN_API_KEY"));
		assertThat(sandbox.apiSecret()).isNotBlank().isEqualTo(bridge.get("FIVETRAN_API_SECRET"));
		// Placeholders: the real credentials from .env never go to the sandbox.
		assertThat(this.compose.environment(SANDBOX).values())
			.noneMatch((value) -> value.contains("${FIVETRAN_") || value.contains("${FTBRIDGE_WEBHOOK"));
	}

	@Test
	void sandboxSignsEveryEventForTheSandboxBridgesReceiver() {
		SandboxProperties sandbox = sandboxSettings();
		assertThat(sandbox.webhooksEnabled()).isTrue();
		URI target = sandbox.webhookUrl();
		assertThat(target).isNotNull();
		assertThat(target.getHost()).isEqualTo(SANDBOX_BRIDGE);
		assertThat(this.compose.services()).containsKey(target.getHost());
		assertThat(target.getPort()).isEqualTo(Application.serverPort());
		assertThat(target.getPath()).isEqualTo(WEBHOOK_PATH);
		List<String> secrets = Application.bindEnvironment(this.compose.environmentWithoutVariables(SANDBOX_BRIDGE),
				"ftbridge.webhook.secrets", Bindable.listOf(String.class));
		assertThat(secrets).isNotNull().contains(sandbox.webhookSecret());
		assertThat(sandbox.webhookSecret()).isNotBlank();
	}

	@Test
	void sandboxBridgeBudgetsRateLimitsOnTheSandboxsClock() {
		Double bridgeScale = Application.bindEnvironment(this.compose.environmentWithoutVariables(SANDBOX_BRIDGE),
				"ftbridge.fivetran.limits.time-scale", Bindable.of(Double.class));
		assertThat(bridgeScale).isEqualTo(sandboxSettings().timeScale());
		// One variable sets both.
		assertThat(this.compose.environment(SANDBOX_BRIDGE).get("FTBRIDGE_FIVETRAN_LIMITS_TIME_SCALE"))
			.isEqualTo(this.compose.environment(SANDBOX).get("FTBRIDGE_SANDBOX_TIME_SCALE"));
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
	void bridgesAndTheSandboxRunWithAReadOnlyRootAndAWritableTmp() {
		for (String service : List.of("bridge", SANDBOX_BRIDGE, SANDBOX)) {
			assertThat(this.compose.service(service)).as(service).containsEntry("read_only", true);
			assertThat(this.compose.strings(service, "tmpfs")).as(service).contains("/tmp");
			assertThat(this.compose.strings(service, "cap_drop")).as(service).containsExactly("ALL");
			assertThat(this.compose.strings(service, "security_opt")).as(service).contains("no-new-privileges:true");
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

	/** The sandbox's settings as its main binds them, with compose's defaults. */
	private SandboxProperties sandboxSettings() {
		return Application.bindEnvironment(this.compose.environmentWithoutVariables(SANDBOX), "ftbridge.sandbox",
				SandboxProperties.class);
	}

}
