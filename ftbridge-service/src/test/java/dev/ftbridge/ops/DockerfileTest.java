package dev.ftbridge.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile builds a layered, non-root image from pinned bases. (hadolint would
 * check more, but neither Debian 12 nor npm has it here.)
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
		// class-data sharing: classes must come from the JVM's own loader (no
		// JarLauncher),
		// the archive is written at build time and mapped at every start
		assertThat(all("RUN"))
			.anySatisfy((run) -> assertThat(run.arguments()).contains("-XX:ArchiveClassesAtExit=app.jsa")
				.contains("-Dspring.context.exit=onRefresh")
				.contains("-jar app.jar"));
		assertThat(last("ENTRYPOINT").arguments()).contains("-XX:SharedArchiveFile=app.jsa")
			.contains("\"-jar\", \"app.jar\"")
			.doesNotContain("JarLauncher");
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
