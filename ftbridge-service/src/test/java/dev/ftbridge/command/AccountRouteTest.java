package dev.ftbridge.command;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link AccountRoute}: the account is set for the run only, on its thread only, and
 * restored after it however it ends.
 */
class AccountRouteTest {

	private final AccountRoute route = new AccountRoute();

	@Test
	void theAccountHoldsForTheRunOnlyAndOnItsThreadOnly() throws Exception {
		assertThat(this.route.current()).isEqualTo("default");
		String seenElsewhere = this.route.on("eu",
				() -> CompletableFuture.supplyAsync(this.route::current).join() + "/" + this.route.current());
		assertThat(seenElsewhere).isEqualTo("default/eu");
		assertThat(this.route.current()).isEqualTo("default");
	}

	@Test
	void aNestedRunRestoresTheOuterAccount() {
		this.route.run("eu", () -> {
			this.route.run("apac", () -> assertThat(this.route.current()).isEqualTo("apac"));
			assertThat(this.route.current()).isEqualTo("eu");
		});
		assertThat(this.route.current()).isEqualTo("default");
	}

	@Test
	void aFailingRunStillRestores() {
		assertThatIllegalStateException().isThrownBy(() -> this.route.run("eu", () -> {
			throw new IllegalStateException("boom");
		}));
		assertThat(this.route.current()).isEqualTo("default");
	}

}
