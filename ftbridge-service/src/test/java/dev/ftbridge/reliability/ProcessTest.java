package dev.ftbridge.reliability;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process-level test: a fresh {@link Stage} (broker JVM, sandbox, bridge JVMs) per
 * test, in a directory that is kept when the test fails.
 */
abstract class ProcessTest {

	/** Kept when the test fails: the broker's and every bridge's log are in it. */
	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path directory;

	Stage stage;

	@BeforeEach
	void startStage() throws Exception {
		this.stage = Stage.start(this.directory);
	}

	@AfterEach
	void stopStage() throws Exception {
		this.stage.close();
	}

}
