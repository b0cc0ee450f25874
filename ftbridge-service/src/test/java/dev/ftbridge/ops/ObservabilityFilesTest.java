package dev.ftbridge.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ops/: the metric contract (metrics.md), the Grafana dashboard that shows it, and the
 * Prometheus configuration that scrapes the bridge.
 */
class ObservabilityFilesTest {

	private static final Pattern ROW = Pattern
		.compile("^\\| `([a-z0-9_]+)` \\| `([a-z0-9._]+)`[^|]*\\| ([a-z]+)[^|]*\\|", Pattern.MULTILINE);

	private final JsonNode dashboard = JsonMapper.builder()
		.build()
		.readTree(OpsFiles.read("ops/grafana/dashboards/fivetran-kafka-bridge.json"));

	@Test
	void everyMetricOfTheContractHasAPanel() {
		String queries = String.join("\n", queries());
		assertThat(metrics()).hasSizeGreaterThanOrEqualTo(12)
			.allSatisfy((metric) -> assertThat(queries).as("a panel for " + metric.prometheus())
				.contains(metric.prometheus()));
	}

	@Test
	void prometheusNamesAreTheMicrometerNamesInPrometheusForm() {
		for (Metric metric : metrics()) {
			String base = metric.micrometer().replace('.', '_');
			String expected = switch (metric.type()) {
				case "counter" -> base + "_total";
				case "timer" -> base + "_seconds";
				default -> base;
			};
			assertThat(metric.prometheus()).as(metric.micrometer()).isEqualTo(expected);
		}
	}

	@Test
	void panelsQueryTheProvisionedPrometheus() {
		Map<String, Object> datasource = OpsFiles
			.map(OpsFiles.list(OpsFiles.yaml("ops/grafana/provisioning/datasources/prometheus.yml").get("datasources"))
				.get(0));
		assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
		for (JsonNode panel : this.dashboard.path("panels")) {
			if (!panel.path("type").asString().equals("row")) {
				assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
					.isEqualTo(datasource.get("uid"));
			}
		}
		assertThat(this.dashboard.path("uid").asString()).isNotBlank();
	}

	@Test
	void prometheusScrapesTheBridgesActuatorEndpoint() {
		Map<String, Object> job = OpsFiles
			.map(OpsFiles.list(OpsFiles.yaml("ops/prometheus/prometheus.yml").get("scrape_configs")).get(0));
		assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
		Map<String, Object> targets = OpsFiles.map(OpsFiles.list(job.get("static_configs")).get(0));
		assertThat(OpsFiles.list(targets.get("targets"))).containsExactly("bridge:" + Application.managementPort());
		assertThat(Application.exposedEndpoints()).contains("prometheus");
	}

	private List<String> queries() {
		List<String> queries = new ArrayList<>();
		for (JsonNode panel : this.dashboard.path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				queries.add(target.path("expr").asString());
			}
		}
		return queries;
	}

	private static List<Metric> metrics() {
		List<Metric> metrics = new ArrayList<>();
		Matcher rows = ROW.matcher(OpsFiles.read("ops/metrics.md"));
		while (rows.find()) {
			metrics.add(new Metric(rows.group(1), rows.group(2), rows.group(3)));
		}
		return metrics;
	}

	record Metric(String prometheus, String micrometer, String type) {

	}

}
