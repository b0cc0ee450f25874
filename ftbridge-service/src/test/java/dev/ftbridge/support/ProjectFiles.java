package dev.ftbridge.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's own files (README, topics/, k8s/, bin/, examples/) seen from a test,
 * whichever module's directory the test runs in.
 */
public final class ProjectFiles {

	private static final Path ROOT = findRoot();

	private ProjectFiles() {
	}

	/** The project's root directory: the one holding {@code mvnw} and {@code topics/}. */
	public static Path root() {
		return ROOT;
	}

	public static Path path(String relative) {
		return ROOT.resolve(relative);
	}

	private static Path findRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("topics/topics.yaml"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException(
					"the project directory (with topics/topics.yaml) is not above " + Path.of("").toAbsolutePath());
		}
		return dir;
	}

}
