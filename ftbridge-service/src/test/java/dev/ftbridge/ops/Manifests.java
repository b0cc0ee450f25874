package dev.ftbridge.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kubernetes objects in fabric8's typed model, from {@code kubectl kustomize} output or
 * straight from the files of a kustomization.
 */
final class Manifests {

	private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of("Deployment", Deployment.class,
			"Service", Service.class, "ConfigMap", ConfigMap.class, "PodDisruptionBudget", PodDisruptionBudget.class,
			"NetworkPolicy", NetworkPolicy.class, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

	// fabric8's model is Jackson 2 based; unknown fields go to additionalProperties.
	private static final ObjectMapper JACKSON = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	private final List<HasMetadata> objects;

	private Manifests(List<HasMetadata> objects) {
		this.objects = objects;
	}

	/** What {@code kubectl kustomize} makes of a directory (relative to the project). */
	static Manifests rendered(String directory) {
		return of(OpsFiles.yamlDocuments(Kubectl.kustomize(directory)));
	}

	/**
	 * A kustomization read without kustomize: its resources, its ConfigMap generators (no
	 * hash suffix, as the Deployment names them) and its commonLabels on every object.
	 * Enough for a base, which has no patches.
	 */
	static Manifests files(String directory) {
		Map<String, Object> kustomization = OpsFiles.yaml(directory + "/kustomization.yaml");
		assertThat(kustomization).as("%s is read directly, so it must have no patches", directory)
			.doesNotContainKeys("patchesStrategicMerge", "patchesJson6902", "bases");
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object resource : OpsFiles.list(kustomization.getOrDefault("resources", List.of()))) {
			documents.addAll(OpsFiles.yamlDocuments(OpsFiles.read(directory + "/" + resource)));
		}
		Manifests manifests = of(documents);
		for (Object generator : OpsFiles.list(kustomization.getOrDefault("configMapGenerator", List.of()))) {
			manifests.objects.add(configMap(OpsFiles.map(generator)));
		}
		Map<String, Object> labels = OpsFiles.map(kustomization.getOrDefault("commonLabels", Map.of()));
		for (HasMetadata object : manifests.objects) {
			Map<String, String> merged = new LinkedHashMap<>();
			if (object.getMetadata().getLabels() != null) {
				merged.putAll(object.getMetadata().getLabels());
			}
			labels.forEach((key, value) -> merged.put(key, value.toString()));
			object.getMetadata().setLabels(merged);
		}
		return manifests;
	}

	static Manifests of(List<Map<String, Object>> documents) {
		List<HasMetadata> objects = new ArrayList<>();
		for (Map<String, Object> document : documents) {
			Class<? extends HasMetadata> type = TYPES.getOrDefault(document.get("kind"),
					GenericKubernetesResource.class);
			objects.add(JACKSON.convertValue(document, type));
		}
		return new Manifests(objects);
	}

	List<HasMetadata> all() {
		return this.objects;
	}

	<T extends HasMetadata> T one(Class<T> type) {
		List<T> matches = this.objects.stream().filter(type::isInstance).map(type::cast).toList();
		assertThat(matches).as("exactly one %s", type.getSimpleName()).hasSize(1);
		return matches.get(0);
	}

	/**
	 * The object of a type with a name, e.g. the bridge's Deployment beside the
	 * sandbox's.
	 */
	<T extends HasMetadata> T named(Class<T> type, String name) {
		List<T> matches = this.objects.stream()
			.filter(type::isInstance)
			.map(type::cast)
			.filter((object) -> name.equals(object.getMetadata().getName()))
			.toList();
		assertThat(matches).as("exactly one %s named %s", type.getSimpleName(), name).hasSize(1);
		return matches.get(0);
	}

	/** The one object of a custom resource kind, e.g. ServiceMonitor. */
	GenericKubernetesResource custom(String kind) {
		List<GenericKubernetesResource> matches = this.objects.stream()
			.filter((object) -> kind.equals(object.getKind()))
			.map(GenericKubernetesResource.class::cast)
			.toList();
		assertThat(matches).as("exactly one %s", kind).hasSize(1);
		return matches.get(0);
	}

	/** The spec of a custom resource as plain maps. */
	static Map<String, Object> spec(GenericKubernetesResource resource) {
		return OpsFiles.map(resource.getAdditionalProperties().get("spec"));
	}

	private static ConfigMap configMap(Map<String, Object> generator) {
		Map<String, String> data = new LinkedHashMap<>();
		for (Object literal : OpsFiles.list(generator.getOrDefault("literals", List.of()))) {
			String[] entry = literal.toString().split("=", 2);
			data.put(entry[0], entry[1]);
		}
		return new ConfigMapBuilder().withNewMetadata()
			.withName((String) generator.get("name"))
			.endMetadata()
			.withData(data)
			.build();
	}

}
