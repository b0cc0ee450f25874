package dev.ftbridge.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schemas are compiled on first use, not in the constructor: each type's schema still
 * compiles and judges its data, also when many threads ask for it at once.
 */
class CommandSchemasTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyTypesSchemaCompilesOnFirstUseAndRefusesDataThatIsNoObject() {
		CommandSchemas schemas = new CommandSchemas();
		for (CommandType type : CommandType.values()) {
			assertThat(schemas.violations(type, json.readTree("\"not an object\""))).as(type.type()).isNotEmpty();
		}
	}

	@Test
	void concurrentFirstUsesAgree() throws Exception {
		CommandSchemas schemas = new CommandSchemas();
		JsonNode valid = json.readTree("{\"connection_id\":\"c1\"}");
		JsonNode invalid = json.readTree("{\"connection_id\":42}");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<List<List<String>>>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> {
					go.await();
					return List.of(schemas.violations(CommandType.CONNECTION_PAUSE, valid),
							schemas.violations(CommandType.CONNECTION_PAUSE, invalid));
				}));
			}
			go.countDown();
			for (Future<List<List<String>>> answer : answers) {
				assertThat(answer.get().get(0)).isEmpty();
				assertThat(answer.get().get(1)).isNotEmpty();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
