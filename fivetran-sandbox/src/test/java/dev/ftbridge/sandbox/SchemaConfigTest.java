package dev.ftbridge.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.ftbridge.sandbox.SandboxClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaConfigTest {

	private FivetranSandbox sandbox;

	private SandboxClient client;

	private String base;

	@BeforeEach
	void start() {
		this.sandbox = FivetranSandbox.start(SandboxClient.settings());
		this.client = new SandboxClient(this.sandbox);
		String groupId = this.sandbox.state().addGroup("warehouse").id();
		this.base = "/v1/connections/" + this.sandbox.state().addConnection(groupId, "postgres", "pg") + "/schemas";
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
	}

	@Test
	void patchesAtEveryLevelAnswerWithTheWholeConfig() throws Exception {
		Reply root = this.client.patch(this.base, """
				{"schema_change_handling":"BLOCK_ALL","schemas":{"public":{"tables":{"orders":{"enabled":false}}}}}""");
		assertThat(root.status()).isEqualTo(200);
		assertThat(root.data().path("schema_change_handling").asString()).isEqualTo("BLOCK_ALL");
		assertThat(root.data().at("/schemas/public/tables/orders/enabled").asBoolean()).isFalse();
		Reply schema = this.client.patch(this.base + "/public", "{\"enabled\":false}");
		assertThat(schema.data().at("/schemas/public/enabled").asBoolean()).isFalse();
		Reply table = this.client.patch(this.base + "/public/tables/customers", "{\"sync_mode\":\"HISTORY\"}");
		assertThat(table.data().at("/schemas/public/tables/customers/sync_mode").asString()).isEqualTo("HISTORY");
		Reply column = this.client.patch(this.base + "/public/tables/customers/columns/email", "{\"hashed\":true}");
		assertThat(column.data().at("/schemas/public/tables/customers/columns/email/hashed").asBoolean()).isTrue();
		Reply stored = this.client.get(this.base);
		assertThat(stored.data()).isEqualTo(column.data());
	}

	@Test
	void namesAreCaseSensitiveAndAnUnknownOneIs404WithoutChangingAnything() throws Exception {
		Reply wrongCase = this.client.patch(this.base + "/Public", "{\"enabled\":false}");
		assertThat(wrongCase.status()).isEqualTo(404);
		assertThat(wrongCase.code()).isEqualTo("NotFound_Schema");
		Reply partly = this.client.patch(this.base, """
				{"schemas":{"public":{"enabled":false,"tables":{"nope":{"enabled":false}}}}}""");
		assertThat(partly.code()).isEqualTo("NotFound_Table");
		assertThat(this.client.get(this.base).data().at("/schemas/public/enabled").asBoolean()).isTrue();
		assertThat(this.client.patch(this.base + "/public/tables/orders/columns/nope", "{}").code())
			.isEqualTo("NotFound_Column");
		assertThat(this.client.patch(this.base + "/public/tables/orders", "{\"sync_mode\":\"FAST\"}").status())
			.isEqualTo(400);
	}

	@Test
	void reloadWithExcludeDisablesEverythingAndColumnsListsATable() throws Exception {
		Reply preserved = this.client.post(this.base + "/reload", "{}");
		assertThat(preserved.data().at("/schemas/public/tables/orders/enabled").asBoolean()).isTrue();
		Reply excluded = this.client.post(this.base + "/reload", "{\"exclude_mode\":\"EXCLUDE\"}");
		assertThat(excluded.data().at("/schemas/public/enabled").asBoolean()).isFalse();
		assertThat(excluded.data().at("/schemas/public/tables/orders/enabled").asBoolean()).isFalse();
		Reply columns = this.client.get(this.base + "/public/tables/orders/columns");
		assertThat(columns.data().path("columns").propertyNames()).contains("id", "amount");
		assertThat(columns.data().at("/columns/id/is_primary_key").asBoolean()).isTrue();
	}

}
