package dev.ftbridge.ops;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders a kustomization with {@code kubectl kustomize}: the binary named by
 * {@code $KUBECTL} (e.g. kubectl 1.20 unpacked from Debian's kubernetes-client), else
 * {@code kubectl} on the PATH. Tests that need it skip, saying so, where there is none.
 */
final class Kubectl {

	private Kubectl() {
	}

	static Optional<Path> find() {
		String explicit = System.getenv("KUBECTL");
		if (explicit != null && !explicit.isBlank() && Files.isExecutable(Path.of(explicit))) {
			return Optional.of(Path.of(explicit));
		}
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.filter((dir) -> !dir.isEmpty())
			.map((dir) -> Path.of(dir, "kubectl"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	static String kustomize(String directory) {
		Optional<Path> kubectl = find();
		assumeTrue(kubectl.isPresent(), "no kubectl on the PATH (nor an executable $KUBECTL): rendering of " + directory
				+ " not checked; the base is still checked file by file");
		try {
			Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", directory)
				.directory(OpsFiles.path(".").toFile())
				.start();
			CompletableFuture<String> errors = CompletableFuture
				.supplyAsync(() -> readQuietly(process.getErrorStream()));
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize " + directory).isTrue();
			assertThat(process.exitValue()).as("kubectl kustomize %s: %s", directory, errors.join()).isZero();
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not run " + kubectl.get(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String readQuietly(java.io.InputStream in) {
		try {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

}
