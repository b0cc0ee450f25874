package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaDescribeHandlerTest extends HandlerTest {

	private static final String CONFIG = "{'schemas':{'public':{'name_in_destination':'pub','enabled':true,'tables':{"
			+ "'orders':{'name_in_destination':'orders','enabled':true,'sync_mode':'SOFT_DELETE','columns':{"
			+ "'id':{'name_in_destination':'id','enabled':true,'is_primary_key':true}}},"
			+ "'items':{'name_in_destination':'items','enabled':false}}}}}";

	private final SchemaDescribeHandler handler = new SchemaDescribeHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void eachTableIsDescribedAndMissingColumnsAreReadFromTheSource() {
		this.fivetran.answer(FivetranRequests.schemaConfig("c1"), CONFIG)
			.answer(FivetranRequests.tableColumns("c1", "s", "t"),
					"{'columns':{'sku':{'name_in_destination':'sku','enabled':true},'qty':{'enabled':false}}}");
		Execution execution = this.handler.execute(command("{'connection_id':'c1'}"));
		CommandResult result = only(execution);
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/connections/c1/schemas",
				"GET /v1/connections/c1/schemas/public/tables/items/columns");
		assertThat(execution.tables()).extracting((table) -> table.table() + ":" + table.columnsFrom())
			.containsExactly("orders:schema_config", "items:source");
		assertThat(execution.tables().get(1).columns()).extracting((column) -> column.name())
			.containsExactly("sku", "qty");
		assertThat(execution.tables().get(0).schemaNameInDestination()).isEqualTo("pub");
		assertThat(result.response().path("tables").asInt()).isEqualTo(2);
		assertThat(result.response().path("columns").asInt()).isEqualTo(3);
		assertThat(result.attempts()).isEqualTo(2);
	}

	@Test
	void withoutFetchColumnsNothingIsReadFromTheSource() {
		this.fivetran.answer(FivetranRequests.schemaConfig("c1"), CONFIG);
		Execution execution = this.handler.execute(command("{'connection_id':'c1','fetch_columns':false}"));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/connections/c1/schemas");
		assertThat(execution.tables()).extracting((table) -> table.columnsFrom())
			.containsExactly("schema_config", "none");
	}

	@Test
	void anUnreadableConfigFailsAndDescribesNothing() {
		this.fivetran.fail(FivetranRequests.schemaConfig("c1"), FivetranFailures.rejected(404, "no such connection"));
		Execution execution = this.handler.execute(command("{'connection_id':'c1'}"));
		assertThat(only(execution).outcome()).isEqualTo(Outcome.FAILED);
		assertThat(execution.tables()).isEmpty();
	}

}
