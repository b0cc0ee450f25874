package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class TransformationCancelHandlerTest extends HandlerTest {

	private final TransformationCancelHandler handler = new TransformationCancelHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void cancelPostsToTheTransformationsCancelWithoutABodyAndSucceeds() {
		this.fivetran.answer(FivetranRequests.cancelTransformation("t1"), "null");
		CommandResult result = only(this.handler.execute(command("{'transformation_id':'t1'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/transformations/t1/cancel");
		assertThat(this.fivetran.sent().get(0).body()).isNull();
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.transformationId()).isEqualTo("t1");
		assertThat(result.resourceId()).isEqualTo("t1");
	}

	@Test
	void cancelOfAMissingTransformationFailsWithoutRetry() {
		this.fivetran.fail(FivetranRequests.cancelTransformation("gone"),
				FivetranFailures.rejected(404, "Transformation not found"));
		CommandResult result = only(this.handler.execute(command("{'transformation_id':'gone'}")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.httpStatus()).isEqualTo(404);
		assertThat(result.retryable()).isFalse();
		assertThat(result.reason()).contains("Transformation not found");
	}

	@Test
	void cancelIsNeitherAsyncNorCostly() {
		assertThat(this.handler.async()).isFalse();
		assertThat(this.handler.costlyToRepeat(command("{'transformation_id':'t1'}"))).isFalse();
		assertThat(FivetranRequests.cancelTransformation("t1").idempotent()).isTrue();
	}

}
