package dev.ftbridge.fivetran;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * One setup test step ({@code SetupTestResultResponse}): {@code title}, {@code status}
 * ({@code PASSED}, {@code SKIPPED}, {@code WARNING}, {@code FAILED} or
 * {@code JOB_FAILED}) and {@code message}.
 *
 * @param title the step's title, or {@code null}
 * @param status its status, or {@code null}
 * @param message what Fivetran says about it, or {@code null}
 */
public record SetupTestResult(String title, String status, String message) {

	private static final Set<String> FAILURES = Set.of("FAILED", "JOB_FAILED");

	/** Reads the {@code setup_tests} array (none when it is missing). */
	public static List<SetupTestResult> listOf(JsonNode setupTests) {
		List<SetupTestResult> results = new ArrayList<>();
		for (JsonNode test : setupTests) {
			results.add(new SetupTestResult(Json.text(test, "title"), Json.text(test, "status"),
					Json.text(test, "message")));
		}
		return results;
	}

	/** Whether the step failed ({@code FAILED} or {@code JOB_FAILED}). */
	public boolean failed() {
		return this.status != null && FAILURES.contains(this.status);
	}

	/** {@code title: message}, as a result's reason lists a failed step. */
	public String describe() {
		return ((this.title != null) ? this.title : "?") + ": " + ((this.message != null) ? this.message : "");
	}

}
