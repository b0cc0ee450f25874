package dev.ftbridge.local;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's run command, as a user runs it: {@link LocalBridge} in a JVM of its own
 * (the same main class {@code ./mvnw spring-boot:test-run} starts), which must reach
 * "ready", finish the demo scenario with the expected outcomes, and stop within 10 s of
 * SIGINT.
 */
class LocalRunProcessTest {

	private static final Pattern READY = Pattern.compile("Ready in (\\d+) ms .*heap used (\\d+) MiB");

	private static final Pattern DONE = Pattern
		.compile("Demo scenario done: (\\d+) commands; first outcomes \\{(.*)\\}");

	@Test
	void startsRunsTheDemoAndStopsOnSigint() throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		Process process = new ProcessBuilder(java, "-Xmx512m", "-Dserver.port=0", "-Dmanagement.server.port=0", "-cp",
				System.getProperty("java.class.path"), LocalBridge.class.getName())
			.redirectErrorStream(true)
			.start();
		List<String> lines = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> read(process, lines));
		reader.setDaemon(true);
		reader.start();
		try {
			await().atMost(Duration.ofSeconds(90)).until(() -> find(lines, DONE) != null || !process.isAlive());
			Matcher ready = find(lines, READY);
			Matcher done = find(lines, DONE);
			assertThat(ready).as("a 'Ready' line; output was:%n%s", String.join("\n", lines)).isNotNull();
			assertThat(done).as("the demo finished; output was:%n%s", String.join("\n", lines)).isNotNull();
			assertThat(done.group(1)).isEqualTo("12");
			assertThat(done.group(2)).isEqualTo("ACCEPTED=4, REJECTED=1, SUCCEEDED=7");
			assertThat(String.join("\n", lines)).contains("DEAD").contains("SCHEMA_VIOLATION");
			// The async commands end from the sandbox's signed webhooks: syncs take 5 s
			// here.
			await().atMost(Duration.ofSeconds(60))
				.until(() -> count(lines, "SUCCEEDED\\s+fivetran\\.connection\\.sync ") == 2
						&& count(lines, "SUCCEEDED\\s+fivetran\\.connection\\.tables\\.resync ") == 1
						&& count(lines, "(SUCCEEDED|FAILED)\\s+fivetran\\.transformation\\.run ") == 1);
			assertThat(String.join("\n", lines)).contains("WEBHOOK").contains("sync_end");

			long pid = process.pid();
			// Ctrl-C is SIGINT; a JVM started from a shell's background job inherits
			// SIGINT
			// ignored (and then installs no handler), so there the test stops it as a
			// service manager would.
			String signal = sigintIgnored(pid) ? "TERM" : "INT";
			long stopping = System.nanoTime();
			new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
			boolean stopped = process.waitFor(10, TimeUnit.SECONDS);
			assertThat(stopped)
				.as("stopped within 10 s of SIG%s; threads then:%n%s%noutput:%n%s", signal,
						stopped ? "" : threadDump(pid), tail(lines))
				.isTrue();
			long stopMillis = Duration.ofNanos(System.nanoTime() - stopping).toMillis();
			System.out.printf("local run: ready in %s ms, heap used at ready %s MiB, stopped %d ms after SIG%s%n",
					ready.group(1), ready.group(2), stopMillis, signal);
		}
		finally {
			process.destroyForcibly();
		}
	}

	/** Whether the process ignores SIGINT (bit 2 of SigIgn in /proc/PID/status). */
	private static boolean sigintIgnored(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("SigIgn:")) {
					return (Long.parseLong(line.substring(7).trim(), 16) & 0x2) != 0;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// not Linux, or unreadable: assume the default
		}
		return false;
	}

	private static String tail(List<String> lines) {
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private static String threadDump(long pid) {
		try {
			Process jstack = new ProcessBuilder(System.getProperty("java.home") + "/bin/jstack", Long.toString(pid))
				.redirectErrorStream(true)
				.start();
			String dump = new String(jstack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			jstack.waitFor(30, TimeUnit.SECONDS);
			return dump;
		}
		catch (IOException ex) {
			return "(no thread dump: " + ex.getMessage() + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "(interrupted)";
		}
	}

	private static long count(List<String> lines, String regex) {
		Pattern pattern = Pattern.compile(regex);
		return lines.stream().filter((line) -> pattern.matcher(line).find()).count();
	}

	private static Matcher find(List<String> lines, Pattern pattern) {
		for (String line : lines) {
			Matcher matcher = pattern.matcher(line);
			if (matcher.find()) {
				return matcher;
			}
		}
		return null;
	}

	private static void read(Process process, List<String> lines) {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				lines.add(line);
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

}
