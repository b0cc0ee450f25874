package dev.ftbridge.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code topics/topics.yaml}: the definition of every topic.
 *
 * @param replicationFactor the production replication factor
 * @param topics the topics, in file order
 */
record TopicsFile(int replicationFactor, List<Topic> topics) {

	static TopicsFile load() {
		Map<String, Object> file = OpsFiles.yaml("topics/topics.yaml");
		List<Topic> topics = OpsFiles.list(file.get("topics")).stream().map(OpsFiles::map).map(Topic::of).toList();
		return new TopicsFile((Integer) file.get("replication-factor"), topics);
	}

	Set<String> names() {
		return this.topics.stream().map(Topic::name).collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	Topic named(String name) {
		return this.topics.stream()
			.filter((topic) -> topic.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("topics.yaml has no topic " + name));
	}

	/**
	 * One topic.
	 *
	 * @param name the topic name
	 * @param property the {@code ftbridge.topics.*} property that names it
	 * @param partitions its partitions
	 * @param config its Kafka topic configuration, values as strings
	 */
	record Topic(String name, String property, int partitions, Map<String, String> config) {

		static Topic of(Map<String, Object> yaml) {
			Map<String, String> config = new LinkedHashMap<>();
			OpsFiles.map(yaml.get("config")).forEach((key, value) -> config.put(key, String.valueOf(value)));
			return new Topic((String) yaml.get("name"), (String) yaml.get("property"), (Integer) yaml.get("partitions"),
					config);
		}

		long retentionMs() {
			return Long.parseLong(this.config.getOrDefault("retention.ms", "-1"));
		}

	}

}
