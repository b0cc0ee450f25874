package dev.ftbridge.ops;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Bindable;

import dev.ftbridge.kafka.TopicProperties;
import dev.ftbridge.sandbox.SandboxProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kustomize files in k8s/ describe a bridge that Kubernetes can run safely: probes on
 * the application's health groups, resources, a locked-down security context, the
 * application's port, environment names and topics. The base is checked file by file (no
 * kubectl needed); the overlays are rendered with {@code kubectl kustomize} where kubectl
 * is installed. The dev overlay's Fivetran sandbox (its own Deployment, Service and
 * NetworkPolicy) must agree with the bridge on URLs, Secret keys and clock. The
 * autoscalers are checked in {@link KubernetesAutoscalingTest}.
 */
class KubernetesManifestsTest {

	private static final String CREDENTIALS_SECRET = "fivetran-bridge-credentials";

	/** The name of the bridge's objects, and of the dev overlay's Fivetran sandbox. */
	private static final String BRIDGE = "fivetran-kafka-bridge";

	private static final String SANDBOX = "fivetran-sandbox";

	/** The bridge's one public path (WebhookServlet). */
	private static final String WEBHOOK_PATH = "/webhooks/fivetran";

	private static final Set<String> SECRET_VARIABLES = Set.of("FIVETRAN_API_KEY", "FIVETRAN_API_SECRET",
			"FTBRIDGE_WEBHOOK_SECRETS");

	/** What kubectl 1.20's kustomize (v2.0.3) reads, and this project uses. */
	private static final Set<String> KUSTOMIZE_2_KEYS = Set.of("resources", "bases", "commonLabels",
			"commonAnnotations", "configMapGenerator", "images", "patchesStrategicMerge", "namespace", "namePrefix");

	private final TopicsFile topics = TopicsFile.load();

	@Test
	void baseReadFileByFileDescribesARunnableBridge() {
		assertRunnableBridge(Manifests.files("k8s/base"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "k8s/base", "k8s/overlays/dev", "k8s/overlays/prod" })
	void renderedKustomizationDescribesARunnableBridge(String directory) {
		assertRunnableBridge(Manifests.rendered(directory));
	}

	@Test
	void devRunsOneBridgeAgainstTheSandboxService() {
		Manifests dev = Manifests.rendered("k8s/overlays/dev");
		Deployment bridge = dev.named(Deployment.class, BRIDGE);
		assertThat(bridge.getSpec().getReplicas()).isEqualTo(1);
		Map<String, String> config = dev.one(ConfigMap.class).getData();
		assertThat(config.keySet()).noneMatch((name) -> name.startsWith("FTBRIDGE_SANDBOX_"));
		assertThat(container(bridge).getEnv())
			.noneMatch((variable) -> variable.getName().startsWith("FTBRIDGE_SANDBOX_"));
		URI baseUrl = Application.bindEnvironment(config, "ftbridge.fivetran.base-url", Bindable.of(URI.class));
		assertThat(baseUrl).isNotNull();
		assertThat(baseUrl.getScheme()).isEqualTo("http");
		// The sandbox's Service, on a port that leads to the port the sandbox listens on.
		Service service = dev.named(Service.class, SANDBOX);
		assertThat(baseUrl.getHost()).isEqualTo(service.getMetadata().getName());
		ServicePort port = service.getSpec()
			.getPorts()
			.stream()
			.filter((candidate) -> candidate.getPort() == baseUrl.getPort())
			.findFirst()
			.orElseThrow(() -> new AssertionError("the sandbox's Service has no port " + baseUrl.getPort()));
		Deployment sandbox = dev.named(Deployment.class, SANDBOX);
		assertThat(container(sandbox).getPorts())
			.filteredOn((candidate) -> candidate.getName().equals(port.getTargetPort().getStrVal()))
			.singleElement()
			.satisfies((target) -> assertThat(target.getContainerPort()).isEqualTo(sandboxSettings(sandbox).port()));
		Map<String, String> sandboxPods = sandbox.getSpec().getTemplate().getMetadata().getLabels();
		Map<String, String> bridgePods = bridge.getSpec().getTemplate().getMetadata().getLabels();
		assertThat(selects(service.getSpec().getSelector(), sandboxPods)).isTrue();
		assertThat(selects(service.getSpec().getSelector(), bridgePods)).isFalse();
		// Nothing of the bridge's (Service, budget, policy, monitor) takes the sandbox's
		// pods.
		assertThat(selects(dev.named(Service.class, BRIDGE).getSpec().getSelector(), sandboxPods)).isFalse();
		assertThat(selects(dev.one(PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels(), sandboxPods))
			.isFalse();
		assertThat(selects(dev.named(NetworkPolicy.class, BRIDGE).getSpec().getPodSelector().getMatchLabels(),
				sandboxPods))
			.isFalse();
		// Its state is in memory: a second replica would be a second Fivetran.
		assertThat(sandbox.getSpec().getReplicas()).isEqualTo(1);
	}

	@Test
	void devSandboxDeliversSignedWebhooksToTheBridgesService() {
		Manifests dev = Manifests.rendered("k8s/overlays/dev");
		Deployment sandbox = dev.named(Deployment.class, SANDBOX);
		SandboxProperties settings = sandboxSettings(sandbox);
		assertThat(settings.webhooksEnabled()).isTrue();
		URI target = settings.webhookUrl();
		assertThat(target).isNotNull();
		Service bridgeService = dev.named(Service.class, BRIDGE);
		assertThat(target.getHost()).isEqualTo(bridgeService.getMetadata().getName());
		assertThat(bridgeService.getSpec().getPorts()).filteredOn((port) -> port.getPort() == target.getPort())
			.singleElement()
			.satisfies((port) -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
		assertThat(target.getPath()).isEqualTo(WEBHOOK_PATH);
	}

	@Test
	void devSandboxTakesTheBridgesSecretsAndClock() {
		Manifests dev = Manifests.rendered("k8s/overlays/dev");
		Deployment sandbox = dev.named(Deployment.class, SANDBOX);
		Map<String, SecretKeySelector> sandboxSecrets = secretReferences(container(sandbox));
		Map<String, SecretKeySelector> bridgeSecrets = secretReferences(container(dev.named(Deployment.class, BRIDGE)));
		// It accepts the credentials the bridge sends and signs with the secret the
		// bridge
		// checks: the same keys of the same Secret.
		assertThat(sandboxSecrets.get("FTBRIDGE_SANDBOX_API_KEY")).isNotNull()
			.isEqualTo(bridgeSecrets.get("FIVETRAN_API_KEY"));
		assertThat(sandboxSecrets.get("FTBRIDGE_SANDBOX_API_SECRET")).isNotNull()
			.isEqualTo(bridgeSecrets.get("FIVETRAN_API_SECRET"));
		assertThat(sandboxSecrets.get("FTBRIDGE_SANDBOX_WEBHOOK_SECRET")).isNotNull()
			.isEqualTo(bridgeSecrets.get("FTBRIDGE_WEBHOOK_SECRETS"));
		assertThat(container(sandbox).getEnv())
			.filteredOn((variable) -> variable.getName().contains("SECRET") || variable.getName().endsWith("API_KEY"))
			.allSatisfy((variable) -> assertThat(variable.getValue()).isNull());
		// The bridge budgets Fivetran's hourly limits on the sandbox's clock.
		Double bridgeScale = Application.bindEnvironment(dev.one(ConfigMap.class).getData(),
				"ftbridge.fivetran.limits.time-scale", Bindable.of(Double.class));
		assertThat(bridgeScale).isEqualTo(sandboxSettings(sandbox).timeScale());
	}

	@Test
	void devSandboxRunsLockedDownAndOnlyTheBridgeReachesIt() {
		Manifests dev = Manifests.rendered("k8s/overlays/dev");
		Deployment sandbox = dev.named(Deployment.class, SANDBOX);
		PodSpec pod = sandbox.getSpec().getTemplate().getSpec();
		Container container = container(sandbox);
		assertThat(sandbox.getSpec().getTemplate().getMetadata().getLabels())
			.containsAllEntriesOf(sandbox.getSpec().getSelector().getMatchLabels());
		assertRunsLockedDown(pod, container);
		assertResourcesAreBounded(container);
		assertThat(container.getImage()).startsWith(SANDBOX + ":")
			.isNotEqualTo(container(dev.named(Deployment.class, BRIDGE)).getImage());
		assertThat(EnvironmentNames.unreadBySandbox(container.getEnv().stream().map(EnvVar::getName).toList()))
			.as("environment variables the sandbox does not read")
			.isEmpty();
		for (Probe probe : List.of(container.getReadinessProbe(), container.getLivenessProbe())) {
			assertThat(probe.getTcpSocket().getPort().getStrVal()).isEqualTo("api");
		}
		NetworkPolicy policy = dev.named(NetworkPolicy.class, SANDBOX);
		assertThat(selects(policy.getSpec().getPodSelector().getMatchLabels(),
				sandbox.getSpec().getTemplate().getMetadata().getLabels()))
			.isTrue();
		Map<String, String> bridgePods = dev.named(Deployment.class, BRIDGE)
			.getSpec()
			.getTemplate()
			.getMetadata()
			.getLabels();
		assertThat(policy.getSpec().getIngress()).singleElement().satisfies((rule) -> {
			assertThat(rule.getFrom()).singleElement()
				.satisfies((peer) -> assertThat(selects(peer.getPodSelector().getMatchLabels(), bridgePods)).isTrue());
			assertThat(rule.getPorts()).singleElement()
				.satisfies((port) -> assertThat(port.getPort().getIntVal()).isEqualTo(sandboxSettings(sandbox).port()));
		});
	}

	@Test
	void prodRunsSeveralReplicasAndReplicatesTopicsThreeTimes() {
		Manifests prod = Manifests.rendered("k8s/overlays/prod");
		assertThat(prod.one(Deployment.class).getSpec().getReplicas()).isGreaterThanOrEqualTo(3);
		Map<String, String> environment = prod.one(ConfigMap.class).getData();
		assertThat(
				Application.bindEnvironment(environment, "ftbridge.topics", TopicProperties.class).replicationFactor())
			.isEqualTo(this.topics.replicationFactor());
		assertThat(environment).doesNotContainKeys("FTBRIDGE_FIVETRAN_BASE_URL", "FTBRIDGE_FIVETRAN_LIMITS_TIME_SCALE");
		assertThat(prod.all()).noneMatch((object) -> SANDBOX.equals(object.getMetadata().getName()));
	}

	@Test
	void kustomizationsUseOnlyWhatKubectl120Reads() throws IOException {
		for (Path file : files("kustomization.yaml")) {
			String relative = OpsFiles.path(".").relativize(file).toString();
			Map<String, Object> kustomization = OpsFiles.yaml(relative);
			assertThat(kustomization.keySet()).as(relative).isSubsetOf(KUSTOMIZE_2_KEYS);
			Path dir = file.getParent();
			for (Object resource : OpsFiles.list(kustomization.getOrDefault("resources", List.of()))) {
				assertThat(dir.resolve(resource.toString()))
					.as("resource of %s (a file: kustomize 2 takes no" + " directories under resources)", relative)
					.isRegularFile();
			}
			for (Object base : OpsFiles.list(kustomization.getOrDefault("bases", List.of()))) {
				assertThat(dir.resolve(base.toString()).resolve("kustomization.yaml")).as("base of %s", relative)
					.isRegularFile();
			}
			for (Object patch : OpsFiles.list(kustomization.getOrDefault("patchesStrategicMerge", List.of()))) {
				assertThat(dir.resolve(patch.toString())).as("patch of %s", relative).isRegularFile();
			}
		}
	}

	@Test
	void noSecretValuesAreCommitted() throws IOException {
		for (Path file : files(".yaml")) {
			for (Map<String, Object> document : OpsFiles.yamlDocuments(Files.readString(file))) {
				assertThat(document.get("kind")).as(file.toString()).isNotEqualTo("Secret");
			}
		}
	}

	private void assertRunnableBridge(Manifests manifests) {
		Deployment deployment = manifests.named(Deployment.class, BRIDGE);
		PodSpec pod = deployment.getSpec().getTemplate().getSpec();
		assertThat(pod.getContainers()).hasSize(1);
		Container bridge = pod.getContainers().get(0);
		Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
		assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());

		assertServesTheApplicationsPort(bridge);
		assertProbesUseTheHealthGroups(bridge);
		assertResourcesAreBounded(bridge);
		assertRunsLockedDown(pod, bridge);
		assertShutdownOutlastsTheCommandGrace(pod, bridge);
		assertEnvironmentIsWhatTheApplicationReads(manifests.one(ConfigMap.class), bridge);

		Service service = manifests.named(Service.class, BRIDGE);
		assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
		assertThat(service.getSpec().getPorts()).hasSize(2);
		assertPort(service.getSpec().getPorts().get(0), "http", Application.serverPort());
		assertPort(service.getSpec().getPorts().get(1), "management", Application.managementPort());

		PodDisruptionBudget budget = manifests.one(PodDisruptionBudget.class);
		assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
		assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);

		assertIngressOnlyToTheApplicationsPort(manifests.named(NetworkPolicy.class, BRIDGE), podLabels);
		assertPrometheusScrapesTheActuator(manifests.custom("ServiceMonitor"), service);
	}

	private static void assertServesTheApplicationsPort(Container bridge) {
		assertThat(bridge.getPorts()).hasSize(2);
		assertThat(bridge.getPorts().get(0).getName()).isEqualTo("http");
		assertThat(bridge.getPorts().get(0).getContainerPort()).isEqualTo(Application.serverPort());
		assertThat(bridge.getPorts().get(1).getName()).isEqualTo("management");
		assertThat(bridge.getPorts().get(1).getContainerPort()).isEqualTo(Application.managementPort());
		assertThat(Application.managementPort()).isNotEqualTo(Application.serverPort());
	}

	private static void assertProbesUseTheHealthGroups(Container bridge) {
		assertHttpProbe(bridge.getLivenessProbe(), "/actuator/health/liveness");
		assertHttpProbe(bridge.getReadinessProbe(), "/actuator/health/readiness");
		assertHttpProbe(bridge.getStartupProbe(), "/actuator/health/liveness");
		assertThat(Application.exposedEndpoints()).contains("health");
	}

	private static void assertHttpProbe(Probe probe, String path) {
		assertThat(probe).as("probe on " + path).isNotNull();
		assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
		assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
	}

	private static void assertResourcesAreBounded(Container bridge) {
		assertThat(bridge.getResources().getRequests()).containsKeys("cpu", "memory");
		assertThat(bridge.getResources().getLimits()).containsKeys("cpu", "memory");
	}

	private static void assertRunsLockedDown(PodSpec pod, Container bridge) {
		PodSecurityContext podSecurity = pod.getSecurityContext();
		assertThat(podSecurity.getRunAsNonRoot()).isTrue();
		assertThat(podSecurity.getRunAsUser()).isPositive();
		assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		SecurityContext security = bridge.getSecurityContext();
		assertThat(security.getRunAsNonRoot()).isTrue();
		assertThat(security.getRunAsUser()).isEqualTo(podSecurity.getRunAsUser());
		assertThat(security.getAllowPrivilegeEscalation()).isFalse();
		assertThat(security.getReadOnlyRootFilesystem()).isTrue();
		assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(pod.getAutomountServiceAccountToken()).isFalse();
		// With a read-only root, /tmp (java.io.tmpdir) must be a writable volume.
		Volume tmp = pod.getVolumes()
			.stream()
			.filter((volume) -> bridge.getVolumeMounts()
				.stream()
				.anyMatch((mount) -> mount.getName().equals(volume.getName()) && mount.getMountPath().equals("/tmp")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no volume mounted at /tmp"));
		assertThat(tmp.getEmptyDir()).isNotNull();
	}

	private static void assertShutdownOutlastsTheCommandGrace(PodSpec pod, Container bridge) {
		List<String> preStop = bridge.getLifecycle().getPreStop().getExec().getCommand();
		assertThat(preStop).hasSize(2).first().isEqualTo("sleep");
		Duration sleep = Duration.ofSeconds(Long.parseLong(preStop.get(1)));
		Duration grace = Application.commandDefaults().shutdownGrace();
		assertThat(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds())).isGreaterThan(sleep.plus(grace));
	}

	private void assertEnvironmentIsWhatTheApplicationReads(ConfigMap config, Container bridge) {
		assertThat(bridge.getEnvFrom()).singleElement()
			.satisfies((source) -> assertThat(source.getConfigMapRef().getName())
				.isEqualTo(config.getMetadata().getName()));
		List<String> names = Stream
			.concat(config.getData().keySet().stream(), bridge.getEnv().stream().map(EnvVar::getName))
			.toList();
		assertThat(EnvironmentNames.unread(names)).as("environment variables no configuration property reads")
			.isEmpty();
		assertThat(bridge.getEnv()).filteredOn((variable) -> SECRET_VARIABLES.contains(variable.getName()))
			.hasSize(SECRET_VARIABLES.size())
			.allSatisfy((variable) -> {
				assertThat(variable.getValue()).isNull();
				assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo(CREDENTIALS_SECRET);
				assertThat(variable.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(variable.getName());
			});
		assertThat(config.getData()).doesNotContainKeys(SECRET_VARIABLES.toArray(String[]::new));
		TopicProperties bound = Application.bindEnvironment(config.getData(), "ftbridge.topics", TopicProperties.class);
		assertThat(Application.topicNames(bound).values()).containsExactlyInAnyOrderElementsOf(this.topics.names());
		assertThat(config.getData()).containsKey("KAFKA_BOOTSTRAP_SERVERS");
	}

	private static void assertPort(ServicePort port, String name, int number) {
		assertThat(port.getName()).isEqualTo(name);
		assertThat(port.getPort()).isEqualTo(number);
		assertThat(port.getTargetPort().getStrVal()).isEqualTo(name);
	}

	private static void assertIngressOnlyToTheApplicationsPort(NetworkPolicy policy, Map<String, String> podLabels) {
		assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
		assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
		List<NetworkPolicyIngressRule> rules = policy.getSpec().getIngress();
		assertThat(rules).flatExtracting(NetworkPolicyIngressRule::getPorts)
			.allSatisfy((port) -> assertThat(port.getProtocol()).isEqualTo("TCP"))
			.extracting((port) -> port.getPort().getIntVal())
			.containsExactlyInAnyOrder(Application.serverPort(), Application.managementPort());
	}

	private static void assertPrometheusScrapesTheActuator(GenericKubernetesResource monitor, Service service) {
		Map<String, Object> spec = Manifests.spec(monitor);
		Map<String, Object> selector = OpsFiles.map(OpsFiles.map(spec.get("selector")).get("matchLabels"));
		assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(OpsFiles.strings(selector));
		assertThat(OpsFiles.list(spec.get("endpoints"))).singleElement().satisfies((endpoint) -> {
			assertThat(OpsFiles.map(endpoint)).containsEntry("port", "management")
				.containsEntry("path", "/actuator/prometheus");
		});
		assertThat(Application.exposedEndpoints()).contains("prometheus");
	}

	private static Container container(Deployment deployment) {
		List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).as("containers of %s", deployment.getMetadata().getName()).hasSize(1);
		return containers.get(0);
	}

	/**
	 * The sandbox's settings as its main binds them from the container's literal values
	 * (not those from Secrets).
	 */
	private static SandboxProperties sandboxSettings(Deployment sandbox) {
		Map<String, String> environment = new HashMap<>();
		for (EnvVar variable : container(sandbox).getEnv()) {
			if (variable.getValue() != null) {
				environment.put(variable.getName(), variable.getValue());
			}
		}
		return Application.bindEnvironment(environment, "ftbridge.sandbox", SandboxProperties.class);
	}

	private static Map<String, SecretKeySelector> secretReferences(Container container) {
		Map<String, SecretKeySelector> references = new HashMap<>();
		for (EnvVar variable : container.getEnv()) {
			if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
				references.put(variable.getName(), variable.getValueFrom().getSecretKeyRef());
			}
		}
		return references;
	}

	/** Whether a label selector takes pods with these labels. */
	private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
		return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
	}

	private static List<Path> files(String suffix) throws IOException {
		try (Stream<Path> walk = Files.walk(OpsFiles.path("k8s"))) {
			return walk.filter((path) -> path.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
	}

}
