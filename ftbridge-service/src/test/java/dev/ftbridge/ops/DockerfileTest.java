package dev.ftbridge.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import dev.ftbridge.sandbox.SandboxMain;
import dev.ftbridge.sandbox.SandboxProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile builds a layered, non-root image from pinned bases, and in its stage
 * {@code sandbox} the Fivetran sandbox's image. (hadolint would check more, but neither
 * Debian 12 nor npm has it here.)
 */
class DockerfileTest {

	private final List<Instruction> instructions = Instruction.parse(OpsFiles.read("Dockerfile"));

	@Test
	void buildsWithTheMavenWrapperOnAJdkAndRunsOnAJre() {
		List<Instruction> froms = all("FROM");
		assertThat(froms).hasSizeGreaterThanOrEqualTo(2);
		assertThat(froms.get(0).arguments()).contains("-jdk").endsWith(" AS build");
		assertThat(froms.get(froms.size() - 1).arguments()).contains("-jre");
		assertThat(all("RUN")).anySatisfy((run) -> assertThat(run.arguments()).contains("./mvnw ")
			.contains("-DskipTests package")
			.contains("-Djarmode=tools")
			.contains("extract --layers --destination"));
		// the AOT cache: classes must come from the JVM's own loader (no JarLauncher);
		// the cache is written at build time by the training script (a start to
		// readiness against a throwaway broker whose jars the build stage copies and the
		// last stage only mounts), with Spring AOT, as every start runs
		assertThat(all("RUN")).anySatisfy((run) -> assertThat(run.arguments()).contains(
				"-f ops/aot/broker-pom.xml dependency:copy-dependencies -DoutputDirectory=/workspace/aot-broker"));
		List<Instruction> runtime = stage("bridge");
		assertThat(of(runtime, "RUN")).anySatisfy((run) -> assertThat(run.arguments())
			.contains("--mount=type=bind,from=build,source=/workspace/aot-broker")
			.contains("train-aot-cache.sh java app.jar app.aot")
			.contains("-Dspring.aot.enabled=true"));
		assertThat(of(runtime, "COPY")).noneSatisfy((copy) -> assertThat(copy.arguments()).contains("aot-broker"));
		assertThat(OpsFiles.read(".dockerignore")).contains("!ops/aot/");
		assertThat(OpsFiles.read("ops/aot/broker-pom.xml")).contains("<artifactId>kafka_2.13</artifactId>")
			.contains("<version>${kafka.version}</version>");
		assertThat(last("ENTRYPOINT").arguments()).contains("\"-XX:AOTCache=app.aot\"")
			.contains("\"-Dspring.aot.enabled=true\"")
			.contains("\"-jar\", \"app.jar\"")
			.doesNotContain("JarLauncher");
		// the AOT cache needs the JVM that wrote it, and Spring AOT's code the major it
		// was
		// generated on: one Java major for build and runtime
		assertThat(froms.get(0).arguments()).contains(":25");
		assertThat(last("FROM").arguments()).contains(":25");
	}

	@Test
	void baseImagesArePinned() {
		for (Instruction from : all("FROM")) {
			String image = from.arguments().split("\\s+")[0];
			assertThat(image).as(from.arguments())
				.matches("[^:@]+(:[^:@]*\\d[^:@]*)?(@sha256:[0-9a-f]{64})?")
				.containsAnyOf(":", "@sha256:")
				.doesNotEndWith(":latest");
		}
	}

	@Test
	void runsAsTheNonRootUserThatKubernetesExpects() {
		String user = runtimeStage("USER").get(0).arguments();
		assertThat(user).matches("\\d+(:\\d+)?");
		long uid = Long.parseLong(user.split(":")[0]);
		assertThat(uid).isPositive();
		Deployment deployment = Manifests.files("k8s/base").one(Deployment.class);
		assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser()).isEqualTo(uid);
	}

	@Test
	void exposesTheApplicationsPortAndChecksItsHealthWithoutCurl() {
		assertThat(last("EXPOSE").arguments()).isEqualTo(Application.serverPort() + " " + Application.managementPort());
		String healthcheck = last("HEALTHCHECK").arguments();
		assertThat(healthcheck).contains("CMD", "/actuator/health/")
			.containsPattern("\\b" + Application.managementPort() + "\\b");
		boolean installsAClient = runtimeStage("RUN").stream()
			.anyMatch((run) -> run.arguments().matches("(?s).*(apt-get|apk) .*(curl|wget).*"));
		if (!installsAClient) {
			assertThat(healthcheck).doesNotContain("curl ", "wget ");
		}
	}

	@Test
	void writesOnlyToTmp() {
		assertThat(last("VOLUME").arguments()).contains("/tmp");
		assertThat(last("ENTRYPOINT").arguments()).contains("-Djava.io.tmpdir=/tmp");
	}

	@Test
	void sandboxStageRunsTheSandboxsRunnableJarOnAJreAsTheSameNonRootUser() {
		List<Instruction> sandbox = stage("sandbox");
		assertThat(sandbox.get(0).arguments()).contains("-jre");
		// The bridge stays the default target: the last stage.
		assertThat(last("FROM")).isNotEqualTo(sandbox.get(0));
		// The build stage makes the sandbox module's runnable jar (SandboxMain,
		// classifier exec).
		Instruction build = stage("build").stream()
			.filter((instruction) -> instruction.keyword().equals("RUN") && instruction.arguments().contains("./mvnw "))
			.findFirst()
			.orElseThrow();
		assertThat(build.arguments()).containsPattern("-pl \\S*\\bfivetran-sandbox\\b")
			.containsPattern("-pl \\S*\\bftbridge-service\\b")
			.contains("cp fivetran-sandbox/target/fivetran-sandbox-*-exec.jar sandbox.jar");
		String pom = OpsFiles.read("fivetran-sandbox/pom.xml");
		assertThat(pom).contains("<mainClass>" + SandboxMain.class.getName() + "</mainClass>")
			.contains("<classifier>exec</classifier>");
		assertThat(of(sandbox, "COPY")).singleElement()
			.satisfies((copy) -> assertThat(copy.arguments()).isEqualTo("--from=build /workspace/sandbox.jar ./"));
		assertThat(of(sandbox, "ENTRYPOINT")).singleElement()
			.satisfies((entrypoint) -> assertThat(entrypoint.arguments()).contains("\"-jar\", \"sandbox.jar\"")
				.contains("-Djava.io.tmpdir=/tmp"));
		assertThat(of(sandbox, "USER")).singleElement()
			.satisfies((user) -> assertThat(user.arguments()).isEqualTo(runtimeStage("USER").get(0).arguments()));
		assertThat(of(sandbox, "VOLUME")).singleElement()
			.satisfies((volume) -> assertThat(volume.arguments()).contains("/tmp"));
	}

	@Test
	void sandboxListensOnEveryInterfaceOfTheContainerOnItsExposedPort() {
		List<Instruction> sandbox = stage("sandbox");
		Map<String, String> environment = new LinkedHashMap<>();
		for (Instruction env : of(sandbox, "ENV")) {
			for (String pair : env.arguments().split("\\s+")) {
				String[] entry = pair.split("=", 2);
				assertThat(entry).as("ENV %s in the NAME=value form", pair).hasSize(2);
				environment.put(entry[0], entry[1]);
			}
		}
		// Bound as SandboxMain binds them (its own default host is loopback).
		SandboxProperties settings = Application.bindEnvironment(environment, "ftbridge.sandbox",
				SandboxProperties.class);
		assertThat(settings.host()).isEqualTo("0.0.0.0");
		assertThat(EnvironmentNames.unreadBySandbox(environment.keySet())).isEmpty();
		assertThat(of(sandbox, "EXPOSE")).singleElement()
			.satisfies((expose) -> assertThat(expose.arguments()).isEqualTo(String.valueOf(settings.port())));
		// Without curl; every path asks for credentials, so any HTTP status shows it is
		// up.
		assertThat(of(sandbox, "HEALTHCHECK")).singleElement()
			.satisfies((healthcheck) -> assertThat(healthcheck.arguments()).contains("/dev/tcp/127.0.0.1/")
				.contains("${FTBRIDGE_SANDBOX_PORT}")
				.doesNotContain("curl ", "wget "));
	}

	@Test
	void addsNothingFromTheNetwork() {
		assertThat(all("ADD")).allSatisfy(
				(add) -> assertThat(add.arguments().toLowerCase(Locale.ROOT)).doesNotContain("http://", "https://"));
	}

	@Test
	void dockerignoreKeepsSecretsAndBuildOutputOutOfTheContext() {
		List<String> rules = OpsFiles.read(".dockerignore").lines().map(String::trim).toList();
		assertThat(rules).contains("**/.env", "**/target/");
	}

	private List<Instruction> all(String keyword) {
		return this.instructions.stream().filter((instruction) -> instruction.keyword().equals(keyword)).toList();
	}

	private Instruction last(String keyword) {
		List<Instruction> matches = all(keyword);
		assertThat(matches).as(keyword).isNotEmpty();
		return matches.get(matches.size() - 1);
	}

	/** The instructions of a named stage, its FROM first. */
	private List<Instruction> stage(String name) {
		int start = -1;
		for (int i = 0; i < this.instructions.size(); i++) {
			Instruction instruction = this.instructions.get(i);
			if (instruction.keyword().equals("FROM")) {
				if (start >= 0) {
					return this.instructions.subList(start, i);
				}
				if (instruction.arguments().endsWith(" AS " + name)) {
					start = i;
				}
			}
		}
		assertThat(start).as("a stage named %s", name).isNotNegative();
		return this.instructions.subList(start, this.instructions.size());
	}

	private static List<Instruction> of(List<Instruction> stage, String keyword) {
		return stage.stream().filter((instruction) -> instruction.keyword().equals(keyword)).toList();
	}

	private List<Instruction> runtimeStage(String keyword) {
		int lastFrom = this.instructions.lastIndexOf(last("FROM"));
		return this.instructions.subList(lastFrom, this.instructions.size())
			.stream()
			.filter((instruction) -> instruction.keyword().equals(keyword))
			.toList();
	}

	/** One Dockerfile instruction, continuation lines joined, comments dropped. */
	record Instruction(String keyword, String arguments) {

		static List<Instruction> parse(String dockerfile) {
			List<Instruction> instructions = new ArrayList<>();
			StringBuilder current = new StringBuilder();
			for (String line : dockerfile.lines().toList()) {
				String trimmed = line.strip();
				if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
					continue;
				}
				boolean continues = trimmed.endsWith("\\");
				current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
				if (!continues) {
					String text = current.toString().strip();
					int space = text.indexOf(' ');
					instructions.add(new Instruction(text.substring(0, space).toUpperCase(Locale.ROOT),
							text.substring(space + 1).strip()));
					current.setLength(0);
				}
			}
			return instructions;
		}

	}

}
