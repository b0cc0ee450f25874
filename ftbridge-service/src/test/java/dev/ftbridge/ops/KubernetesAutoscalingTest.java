package dev.ftbridge.ops;

import java.util.HashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.api.Test;

import dev.ftbridge.command.CommandProperties;
import dev.ftbridge.kafka.TopicProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * k8s/autoscaling: KEDA scales on the lag of the bridge's consumer group on the command
 * topic, up to one replica per partition; the CPU fallback has the same bounds.
 */
class KubernetesAutoscalingTest {

	private final TopicsFile topics = TopicsFile.load();

	@Test
	void kedaScalesOnTheLagOfTheBridgesGroupOnTheCommandTopic() {
		assertKedaScalesOnCommandLag(Manifests.files("k8s/autoscaling/keda"), Manifests.files("k8s/base"));
	}

	@Test
	void renderedKedaScalesOnTheLagOfTheBridgesGroupOnTheCommandTopic() {
		assertKedaScalesOnCommandLag(Manifests.rendered("k8s/autoscaling/keda"),
				Manifests.rendered("k8s/overlays/prod"));
	}

	@Test
	void hpaFallbackHasTheSameBoundsAsKeda() {
		HorizontalPodAutoscaler hpa = Manifests.files("k8s/autoscaling/hpa").one(HorizontalPodAutoscaler.class);
		Map<String, Object> keda = Manifests.spec(Manifests.files("k8s/autoscaling/keda").custom("ScaledObject"));
		Deployment deployment = Manifests.files("k8s/base").one(Deployment.class);
		assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
		assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
		assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(keda.get("minReplicaCount"));
		assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(commandPartitions());
		assertThat(hpa.getSpec().getMetrics()).anySatisfy((metric) -> {
			assertThat(metric.getResource().getName()).isEqualTo("cpu");
			assertThat(metric.getResource().getTarget().getAverageUtilization()).isBetween(50, 90);
		});
	}

	private void assertKedaScalesOnCommandLag(Manifests autoscaling, Manifests application) {
		Map<String, Object> spec = Manifests.spec(autoscaling.custom("ScaledObject"));
		Deployment deployment = application.one(Deployment.class);
		assertThat(OpsFiles.map(spec.get("scaleTargetRef"))).containsEntry("name", deployment.getMetadata().getName());
		assertThat(spec.get("maxReplicaCount")).isEqualTo(commandPartitions());
		assertThat((Integer) spec.get("minReplicaCount")).isBetween(1, commandPartitions());
		Map<String, Object> trigger = OpsFiles.map(OpsFiles.list(spec.get("triggers")).get(0));
		assertThat(trigger).containsEntry("type", "kafka");
		Map<String, String> environment = new HashMap<>(application.one(ConfigMap.class).getData());
		Map<String, String> metadata = resolve(OpsFiles.strings(OpsFiles.map(trigger.get("metadata"))), environment);
		TopicProperties boundTopics = Application.bindEnvironment(environment, "ftbridge.topics",
				TopicProperties.class);
		CommandProperties boundCommand = Application.bindEnvironment(environment, "ftbridge.command",
				CommandProperties.class);
		assertThat(metadata).containsEntry("topic", boundTopics.commands())
			.containsEntry("consumerGroup", boundCommand.groupId())
			.containsEntry("bootstrapServers", environment.get("KAFKA_BOOTSTRAP_SERVERS"));
		assertThat(boundTopics.commands()).isEqualTo(Application.topicDefaults().commands());
		assertThat(boundCommand.groupId()).isEqualTo(Application.commandDefaults().groupId());
	}

	/** KEDA's {@code xFromEnv: NAME}, read from the container's environment, as x. */
	private static Map<String, String> resolve(Map<String, String> metadata, Map<String, String> environment) {
		Map<String, String> resolved = new HashMap<>();
		metadata.forEach((key, value) -> {
			if (key.endsWith("FromEnv")) {
				assertThat(environment).as("the variable %s that KEDA reads", value).containsKey(value);
				resolved.put(key.substring(0, key.length() - "FromEnv".length()), environment.get(value));
			}
			else {
				resolved.put(key, value);
			}
		});
		return resolved;
	}

	private int commandPartitions() {
		return this.topics.named(Application.topicDefaults().commands()).partitions();
	}

}
