package dev.ftbridge.ops;

import java.io.IOException;
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

import dev.ftbridge.kafka.TopicProperties;
import dev.ftbridge.sandbox.SandboxProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kustomize files in k8s/ describe a bridge that Kubernetes can run safely: probes on
 * the application's health groups, resources, a locked-down security context, the
 * application's port, environment names and topics. The base is checked file by file (no
 * kubectl needed); the overlays are rendered with {@code kubectl kustomize} where kubectl
 * is installed. The autoscalers are checked in {@link KubernetesAutoscalingTest}.
 */
class KubernetesManifestsTest {

	private static final String CREDENTIALS_SECRET = "fivetran-bridge-credentials";

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
	void devRunsOneReplicaAgainstTheInProcessSandbox() {
		Manifests dev = Manifests.rendered("k8s/overlays/dev");
		assertThat(dev.one(Deployment.class).getSpec().getReplicas()).isEqualTo(1);
		Map<String, String> environment = dev.one(ConfigMap.class).getData();
		SandboxProperties sandbox = Application.bindEnvironment(environment, "ftbridge.sandbox",
				SandboxProperties.class);
		assertThat(sandbox.enabled()).isTrue();
		assertThat(environment).containsEntry("FTBRIDGE_FIVETRAN_BASE_URL", "http://localhost:" + sandbox.port());
		// The sandbox expects the credentials the bridge sends: the same Secret keys.
		Map<String, String> secretKeys = new HashMap<>();
		for (EnvVar variable : dev.one(Deployment.class)
			.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0)
			.getEnv()) {
			if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
				secretKeys.put(variable.getName(), variable.getValueFrom().getSecretKeyRef().getKey());
			}
		}
		assertThat(secretKeys.get("FTBRIDGE_SANDBOX_API_KEY")).isEqualTo(secretKeys.get("FIVETRAN_API_KEY"));
		assertThat(secretKeys.get("FTBRIDGE_SANDBOX_API_SECRET")).isEqualTo(secretKeys.get("FIVETRAN_API_SECRET"));
	}

	@Test
	void prodRunsSeveralReplicasAndReplicatesTopicsThreeTimes() {
		Manifests prod = Manifests.rendered("k8s/overlays/prod");
		assertThat(prod.one(Deployment.class).getSpec().getReplicas()).isGreaterThanOrEqualTo(3);
		Map<String, String> environment = prod.one(ConfigMap.class).getData();
		assertThat(
				Application.bindEnvironment(environment, "ftbridge.topics", TopicProperties.class).replicationFactor())
			.isEqualTo(this.topics.replicationFactor());
		assertThat(environment).doesNotContainKeys("FTBRIDGE_SANDBOX_ENABLED", "FTBRIDGE_FIVETRAN_BASE_URL");
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
		Deployment deployment = manifests.one(Deployment.class);
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

		Service service = manifests.one(Service.class);
		assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
		assertThat(service.getSpec().getPorts()).singleElement().satisfies((port) -> assertHttpPort(port));

		PodDisruptionBudget budget = manifests.one(PodDisruptionBudget.class);
		assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
		assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);

		assertIngressOnlyToTheApplicationsPort(manifests.one(NetworkPolicy.class), podLabels);
		assertPrometheusScrapesTheActuator(manifests.custom("ServiceMonitor"), service);
	}

	private static void assertServesTheApplicationsPort(Container bridge) {
		assertThat(bridge.getPorts()).singleElement().satisfies((port) -> {
			assertThat(port.getName()).isEqualTo("http");
			assertThat(port.getContainerPort()).isEqualTo(Application.serverPort());
		});
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
		assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
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

	private static void assertHttpPort(ServicePort port) {
		assertThat(port.getName()).isEqualTo("http");
		assertThat(port.getPort()).isEqualTo(Application.serverPort());
		assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
	}

	private static void assertIngressOnlyToTheApplicationsPort(NetworkPolicy policy, Map<String, String> podLabels) {
		assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
		assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
		List<NetworkPolicyIngressRule> rules = policy.getSpec().getIngress();
		assertThat(rules).singleElement()
			.satisfies((rule) -> assertThat(rule.getPorts()).singleElement().satisfies((port) -> {
				assertThat(port.getPort().getIntVal()).isEqualTo(Application.serverPort());
				assertThat(port.getProtocol()).isEqualTo("TCP");
			}));
	}

	private static void assertPrometheusScrapesTheActuator(GenericKubernetesResource monitor, Service service) {
		Map<String, Object> spec = Manifests.spec(monitor);
		Map<String, Object> selector = OpsFiles.map(OpsFiles.map(spec.get("selector")).get("matchLabels"));
		assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(OpsFiles.strings(selector));
		assertThat(OpsFiles.list(spec.get("endpoints"))).singleElement().satisfies((endpoint) -> {
			assertThat(OpsFiles.map(endpoint)).containsEntry("port", "http")
				.containsEntry("path", "/actuator/prometheus");
		});
		assertThat(Application.exposedEndpoints()).contains("prometheus");
	}

	private static List<Path> files(String suffix) throws IOException {
		try (Stream<Path> walk = Files.walk(OpsFiles.path("k8s"))) {
			return walk.filter((path) -> path.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
	}

}
