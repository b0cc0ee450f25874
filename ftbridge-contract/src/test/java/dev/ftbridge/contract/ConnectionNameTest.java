package dev.ftbridge.contract;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionNameTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aConnectionNamedByGroupIdIsKeyedLikeItsCreate() {
		String create = CommandType.CONNECTION_CREATE
			.resourceKey(data("{'group_id':'g1','service':'postgres','config':{'schema_prefix':'billing'}}"));
		String sync = CommandType.CONNECTION_SYNC
			.resourceKey(data("{'connection':{'group_id':'g1','schema':'billing'}}"));
		assertThat(sync).isEqualTo(create).isEqualTo("g1/billing");
	}

	@Test
	void aConnectionNamedByGroupNameIsKeyedByThatName() {
		assertThat(CommandType.CONNECTION_PAUSE
			.resourceKey(data("{'connection':{'group_name':'Warehouse','schema':'billing'}}")))
			.isEqualTo("Warehouse/billing");
	}

	@Test
	void anIdIsNotAName() {
		ObjectNode data = data("{'connection_id':'c1'}");
		assertThat(CommandType.CONNECTION_PAUSE.connectionName(data)).isNull();
		assertThat(CommandType.CONNECTION_PAUSE.resourceKey(data)).isEqualTo("c1");
	}

	@Test
	void aCreateNamesNoExistingConnection() {
		ObjectNode data = data("{'group_id':'g1','config':{'schema':'s'},'connection':{'group_id':'g2','schema':'x'}}");
		assertThat(CommandType.CONNECTION_CREATE.connectionName(data)).isNull();
		assertThat(CommandType.CONNECTION_CREATE.resourceKey(data)).isEqualTo("g1/s");
	}

	@Test
	void theNameIsReadFromTheData() {
		assertThat(CommandType.CONNECTION_SYNC
			.connectionName(data("{'connection':{'group_name':'Warehouse','schema':'billing'}}")))
			.isEqualTo(new ConnectionName(null, "Warehouse", "billing"));
	}

	@Test
	void namedCommandsValidateAndBothAddressesAtOnceDoNot() {
		CommandSchemas schemas = new CommandSchemas();
		assertThat(schemas.violations(CommandType.CONNECTION_SYNC,
				data("{'connection':{'group_id':'g1','schema':'billing'},'force':true}")))
			.isEmpty();
		assertThat(schemas.violations(CommandType.CONNECTION_SYNC,
				data("{'connection_id':'c1','connection':{'group_id':'g1','schema':'billing'}}")))
			.isNotEmpty();
		assertThat(schemas.violations(CommandType.CONNECTION_SYNC,
				data("{'connection':{'group_id':'g1','group_name':'W','schema':'billing'}}")))
			.isNotEmpty();
		assertThat(schemas.violations(CommandType.CONNECTION_SYNC, data("{'connection':{'group_id':'g1'}}")))
			.isNotEmpty();
		assertThat(schemas.violations(CommandType.CONNECTION_SYNC, data("{'force':true}"))).isNotEmpty();
		assertThat(schemas.violations(CommandType.CONNECTION_SYNC,
				data("{'connection':{'group_id':'g/1','schema':'billing'}}")))
			.isNotEmpty();
	}

	private static ObjectNode data(String text) {
		return (ObjectNode) json.readTree(text.replace('\'', '"'));
	}

}
