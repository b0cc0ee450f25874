package dev.ftbridge.contract;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ftbridge.contract.IncomingRecord.Header;
import dev.ftbridge.contract.Rejection.Reason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CommandReader} with the real command schemas.
 */
class CommandReaderTest {

	private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private static final CommandSchemas SCHEMAS = new CommandSchemas();

	private final CommandReader reader = reader(1_048_576);

	@Test
	void readAcceptsStructuredEventAndKeysItByRecordKey() {
		Command command = accepted(this.reader.read(structured("tenant-a/decent_dropsy", """
				{"specversion":"1.0","id":"cmd-1","source":"/ops/console","type":"fivetran.connection.pause",
				 "datacontenttype":"application/json","data":{"connection_id":"decent_dropsy"}}""")));
		assertThat(command.id()).isEqualTo("cmd-1");
		assertThat(command.type()).isEqualTo(CommandType.CONNECTION_PAUSE);
		assertThat(command.source()).isEqualTo("/ops/console");
		assertThat(command.key()).isEqualTo("tenant-a/decent_dropsy");
		assertThat(command.data().path("connection_id").asString()).isEqualTo("decent_dropsy");
		assertThat(command.data().size()).isEqualTo(1);
		assertThat(command.receivedAt()).isEqualTo(NOW);
	}

	@Test
	void readAcceptsStructuredEventWithJsonContentTypeParameters() {
		Command command = accepted(this.reader.read(structured(null,
				event("cmd-2", "fivetran.connection.sync", "\"datacontenttype\":\"application/json; charset=utf-8\",",
						"{\"connection_id\":\"c1\",\"force\":true}"))));
		assertThat(command.type()).isEqualTo(CommandType.CONNECTION_SYNC);
		assertThat(command.data().path("force").asBoolean()).isTrue();
	}

	@Test
	void readAcceptsContentTypeInAnyCase() {
		IncomingRecord record = record(null, "{\"connection_id\":\"c1\"}", header("ce_specversion", "1.0"),
				header("ce_id", "cmd-30"), header("ce_source", "urn:x"), header("ce_type", "fivetran.connection.pause"),
				header("Content-Type", "Application/JSON"));
		assertThat(accepted(this.reader.read(record)).id()).isEqualTo("cmd-30");
	}

	@Test
	void readAcceptsUpperCaseContentTypeWhateverTheDefaultLocale() {
		Locale locale = Locale.getDefault();
		try {
			Locale.setDefault(Locale.forLanguageTag("tr-TR"));
			IncomingRecord record = record(null, "{\"connection_id\":\"c1\"}", header("ce_specversion", "1.0"),
					header("ce_id", "cmd-31"), header("ce_source", "urn:x"),
					header("ce_type", "fivetran.connection.pause"), header("content-type", "APPLICATION/JSON"));
			assertThat(this.reader.read(record)).isInstanceOf(ReadResult.Accepted.class);
		}
		finally {
			Locale.setDefault(locale);
		}
	}

	@Test
	void readAcceptsBinaryEvent() {
		IncomingRecord record = record("k-7", "{\"transformation_id\":\"fortified_nitrogen\",\"full_refresh\":true}",
				header("ce_specversion", "1.0"), header("ce_id", "cmd-3"), header("ce_source", "urn:scheduler"),
				header("ce_type", "fivetran.transformation.run"), header("content-type", "application/json"));
		Command command = accepted(this.reader.read(record));
		assertThat(command.id()).isEqualTo("cmd-3");
		assertThat(command.type()).isEqualTo(CommandType.TRANSFORMATION_RUN);
		assertThat(command.source()).isEqualTo("urn:scheduler");
		assertThat(command.key()).isEqualTo("k-7");
		assertThat(command.data().path("full_refresh").asBoolean()).isTrue();
		assertThat(command.receivedAt()).isEqualTo(NOW);
	}

	@Test
	void readAcceptsBinaryEventWithoutContentType() {
		IncomingRecord record = record(null, "{\"connection_id\":\"c9\"}", header("ce_specversion", "1.0"),
				header("ce_id", "cmd-4"), header("ce_source", "urn:x"),
				header("ce_type", "fivetran.connection.status"));
		Command command = accepted(this.reader.read(record));
		assertThat(command.type()).isEqualTo(CommandType.CONNECTION_STATUS);
		assertThat(command.key()).isEqualTo("c9");
	}

	@Test
	void readWithoutRecordKeyKeysByConnectionId() {
		Command command = accepted(this.reader
			.read(structured(null, event("cmd-5", "fivetran.connection.delete", "", "{\"connection_id\":\"c42\"}"))));
		assertThat(command.key()).isEqualTo("c42");
	}

	@Test
	void readWithEmptyRecordKeyKeysByResource() {
		IncomingRecord record = new IncomingRecord("commands", 0, 1, 0, new byte[0],
				bytes(event("cmd-6", "fivetran.group.status", "", "{\"group_id\":\"projected_sickle\"}")), List.of());
		assertThat(accepted(this.reader.read(record)).key()).isEqualTo("projected_sickle");
	}

	@Test
	void readWithoutRecordKeyKeysTransformationByItsId() {
		Command command = accepted(this.reader.read(
				structured(null, event("cmd-7", "fivetran.transformation.run", "", "{\"transformation_id\":\"t1\"}"))));
		assertThat(command.key()).isEqualTo("t1");
	}

	@Test
	void readWithoutRecordKeyKeysCreateByGroupAndSchema() {
		Command command = accepted(this.reader.read(structured(null, event("cmd-8", "fivetran.connection.create", "",
				"{\"service\":\"postgres\",\"group_id\":\"g1\",\"config\":{\"schema\":\"billing\"}}"))));
		assertThat(command.key()).isEqualTo("g1/billing");
	}

	@Test
	void readWithoutRecordKeyKeysCreateBySchemaPrefix() {
		Command command = accepted(this.reader.read(structured(null, event("cmd-9", "fivetran.connection.create", "",
				"{\"service\":\"postgres\",\"group_id\":\"g1\",\"config\":{\"schema_prefix\":\"billing_pg\"}}"))));
		assertThat(command.key()).isEqualTo("g1/billing_pg");
	}

	@Test
	void readWithoutRecordKeyKeysMultiGroupCreateByFirstGroup() {
		Command command = accepted(this.reader.read(structured(null,
				event("cmd-10", "fivetran.connection.create", "",
						"{\"service\":\"google_sheets\",\"group_ids\":[\"g2\",\"g3\"],"
								+ "\"config\":{\"schema\":\"finance\"}}"))));
		assertThat(command.key()).isEqualTo("g2/finance");
	}

	@Test
	void readRejectsRecordWithoutValueAsEmpty() {
		IncomingRecord tombstone = new IncomingRecord("commands", 0, 1, 0, bytes("c1"), null,
				List.of(header("ce_id", "cmd-11"), header("ce_type", "fivetran.connection.pause")));
		Rejection rejection = rejected(this.reader.read(tombstone));
		assertThat(rejection.reason()).isEqualTo(Reason.EMPTY);
		assertThat(rejection.detail()).contains("no value");
		assertThat(rejection.commandId()).isEqualTo("cmd-11");
		assertThat(rejection.commandType()).isEqualTo("fivetran.connection.pause");
	}

	@Test
	void readRejectsTombstoneWithoutHeadersWithoutCommandId() {
		Rejection rejection = rejected(
				this.reader.read(new IncomingRecord("commands", 0, 1, 0, bytes("c1"), null, List.of())));
		assertThat(rejection.reason()).isEqualTo(Reason.EMPTY);
		assertThat(rejection.commandId()).isNull();
		assertThat(rejection.commandType()).isNull();
	}

	@Test
	void readRejectsRecordLargerThanTheLimitAsOversized() {
		CommandReader small = reader(64);
		String value = event("cmd-12", "fivetran.connection.pause", "", "{\"connection_id\":\"c1\"}");
		Rejection rejection = rejected(small.read(record(null, value, header("ce_id", "cmd-12"))));
		assertThat(rejection.reason()).isEqualTo(Reason.OVERSIZED);
		assertThat(rejection.detail()).contains(bytes(value).length + " bytes").contains("64");
		assertThat(rejection.commandId()).isEqualTo("cmd-12");
	}

	@Test
	void readAcceptsRecordOfExactlyTheLimit() {
		String value = event("cmd-13", "fivetran.connection.pause", "", "{\"connection_id\":\"c1\"}");
		CommandReader exact = reader(bytes(value).length);
		assertThat(exact.read(structured(null, value))).isInstanceOf(ReadResult.Accepted.class);
	}

	@Test
	void readRejectsValueThatIsNotJson() {
		Rejection rejection = rejected(this.reader.read(structured(null, "pause c1 please")));
		assertThat(rejection.reason()).isEqualTo(Reason.NOT_JSON);
		assertThat(rejection.detail()).startsWith("the value is not JSON");
	}

	@Test
	void readRejectsBinaryDataThatIsNotJsonAndKeepsItsId() {
		IncomingRecord record = record(null, "{connection_id: c1", header("ce_specversion", "1.0"),
				header("ce_id", "cmd-14"), header("ce_source", "urn:x"),
				header("ce_type", "fivetran.connection.pause"));
		Rejection rejection = rejected(this.reader.read(record));
		assertThat(rejection.reason()).isEqualTo(Reason.NOT_JSON);
		assertThat(rejection.commandId()).isEqualTo("cmd-14");
		assertThat(rejection.commandType()).isEqualTo("fivetran.connection.pause");
	}

	@Test
	void readRejectsJsonWithoutSpecversionAsNotACloudEvent() {
		Rejection rejection = rejected(this.reader.read(structured(null, "{\"connection_id\":\"c1\"}")));
		assertThat(rejection.reason()).isEqualTo(Reason.NOT_A_CLOUDEVENT);
		assertThat(rejection.detail()).contains("specversion");
	}

	@Test
	void readRejectsJsonArrayAsNotACloudEvent() {
		Rejection rejection = rejected(this.reader.read(structured(null, "[1,2,3]")));
		assertThat(rejection.reason()).isEqualTo(Reason.NOT_A_CLOUDEVENT);
	}

	@Test
	void readRejectsEventWithoutSourceAsNotACloudEvent() {
		Rejection rejection = rejected(this.reader.read(structured(null, """
				{"specversion":"1.0","id":"cmd-15","type":"fivetran.connection.pause",
				 "data":{"connection_id":"c1"}}""")));
		assertThat(rejection.reason()).isEqualTo(Reason.NOT_A_CLOUDEVENT);
		assertThat(rejection.detail()).contains("'source'");
		assertThat(rejection.commandId()).isEqualTo("cmd-15");
		assertThat(rejection.commandType()).isEqualTo("fivetran.connection.pause");
	}

	@Test
	void readRejectsEventWithBlankIdAsNotACloudEvent() {
		Rejection rejection = rejected(this.reader.read(structured(null, """
				{"specversion":"1.0","id":" ","source":"urn:x","type":"fivetran.connection.pause",
				 "data":{"connection_id":"c1"}}""")));
		assertThat(rejection.reason()).isEqualTo(Reason.NOT_A_CLOUDEVENT);
		assertThat(rejection.detail()).contains("'id'");
	}

	@Test
	void readRejectsBinaryEventWithoutTypeAsNotACloudEvent() {
		IncomingRecord record = record(null, "{\"connection_id\":\"c1\"}", header("ce_specversion", "1.0"),
				header("ce_id", "cmd-16"), header("ce_source", "urn:x"));
		Rejection rejection = rejected(this.reader.read(record));
		assertThat(rejection.reason()).isEqualTo(Reason.NOT_A_CLOUDEVENT);
		assertThat(rejection.detail()).contains("'type'");
		assertThat(rejection.commandId()).isEqualTo("cmd-16");
	}

	@Test
	void readRejectsOtherSpecversion() {
		Rejection rejection = rejected(this.reader.read(structured(null, """
				{"specversion":"0.3","id":"cmd-17","source":"urn:x","type":"fivetran.connection.pause",
				 "data":{"connection_id":"c1"}}""")));
		assertThat(rejection.reason()).isEqualTo(Reason.UNSUPPORTED_SPECVERSION);
		assertThat(rejection.detail()).contains("'0.3'").contains("1.0");
		assertThat(rejection.commandId()).isEqualTo("cmd-17");
		assertThat(rejection.commandType()).isEqualTo("fivetran.connection.pause");
	}

	@Test
	void readRejectsBinaryEventWithOtherSpecversion() {
		IncomingRecord record = record(null, "{\"connection_id\":\"c1\"}", header("ce_specversion", "0.3"),
				header("ce_id", "cmd-18"), header("ce_source", "urn:x"),
				header("ce_type", "fivetran.connection.pause"));
		Rejection rejection = rejected(this.reader.read(record));
		assertThat(rejection.reason()).isEqualTo(Reason.UNSUPPORTED_SPECVERSION);
		assertThat(rejection.commandId()).isEqualTo("cmd-18");
	}

	@Test
	void readRejectsTextDataContentType() {
		Rejection rejection = rejected(this.reader.read(structured(null, event("cmd-19", "fivetran.connection.pause",
				"\"datacontenttype\":\"text/plain\",", "{\"connection_id\":\"c1\"}"))));
		assertThat(rejection.reason()).isEqualTo(Reason.UNSUPPORTED_CONTENT_TYPE);
		assertThat(rejection.detail()).contains("text/plain");
		assertThat(rejection.commandId()).isEqualTo("cmd-19");
		assertThat(rejection.commandType()).isEqualTo("fivetran.connection.pause");
	}

	@Test
	void readRejectsBase64Data() {
		Rejection rejection = rejected(this.reader.read(structured(null, """
				{"specversion":"1.0","id":"cmd-20","source":"urn:x","type":"fivetran.connection.pause",
				 "data_base64":"eyJjb25uZWN0aW9uX2lkIjoiYzEifQ=="}""")));
		assertThat(rejection.reason()).isEqualTo(Reason.UNSUPPORTED_CONTENT_TYPE);
		assertThat(rejection.detail()).contains("data_base64");
		assertThat(rejection.commandId()).isEqualTo("cmd-20");
	}

	@Test
	void readRejectsBinaryEventWithTextContentType() {
		IncomingRecord record = record(null, "connection c1", header("ce_specversion", "1.0"),
				header("ce_id", "cmd-21"), header("ce_source", "urn:x"), header("ce_type", "fivetran.connection.pause"),
				header("content-type", "text/plain; charset=utf-8"));
		Rejection rejection = rejected(this.reader.read(record));
		assertThat(rejection.reason()).isEqualTo(Reason.UNSUPPORTED_CONTENT_TYPE);
		assertThat(rejection.detail()).contains("text/plain");
		assertThat(rejection.commandId()).isEqualTo("cmd-21");
	}

	@Test
	void readRejectsUnknownTypeAndKeepsCommandId() {
		Rejection rejection = rejected(this.reader
			.read(structured("c1", event("cmd-22", "fivetran.connection.explode", "", "{\"connection_id\":\"c1\"}"))));
		assertThat(rejection.reason()).isEqualTo(Reason.UNKNOWN_TYPE);
		assertThat(rejection.detail()).contains("fivetran.connection.explode");
		assertThat(rejection.commandId()).isEqualTo("cmd-22");
		assertThat(rejection.commandType()).isEqualTo("fivetran.connection.explode");
	}

	@Test
	void readRejectsPauseWithoutConnectionId() {
		Rejection rejection = rejected(
				this.reader.read(structured(null, event("cmd-23", "fivetran.connection.pause", "", "{}"))));
		assertThat(rejection.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
		assertThat(rejection.detail()).contains("connection_id");
		assertThat(rejection.commandId()).isEqualTo("cmd-23");
		assertThat(rejection.commandType()).isEqualTo("fivetran.connection.pause");
	}

	@Test
	void readRejectsResyncWithEmptyScope() {
		Rejection rejection = rejected(this.reader.read(structured(null,
				event("cmd-24", "fivetran.connection.resync", "", "{\"connection_id\":\"c1\",\"scope\":{}}"))));
		assertThat(rejection.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
		assertThat(rejection.detail()).contains("scope");
		assertThat(rejection.commandId()).isEqualTo("cmd-24");
	}

	@Test
	void readRejectsResyncWithEmptyTableList() {
		Rejection rejection = rejected(this.reader.read(structured(null, event("cmd-25", "fivetran.connection.resync",
				"", "{\"connection_id\":\"c1\",\"scope\":{\"public\":[]}}"))));
		assertThat(rejection.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
		assertThat(rejection.detail()).contains("public");
	}

	@Test
	void readRejectsSyncWithForceThatIsNotBoolean() {
		Rejection rejection = rejected(this.reader.read(structured(null,
				event("cmd-26", "fivetran.connection.sync", "", "{\"connection_id\":\"c1\",\"force\":\"yes\"}"))));
		assertThat(rejection.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
		assertThat(rejection.detail()).contains("force").contains("boolean");
		assertThat(rejection.commandType()).isEqualTo("fivetran.connection.sync");
	}

	@Test
	void readRejectsDataThatIsNotAnObject() {
		Rejection rejection = rejected(
				this.reader.read(structured(null, event("cmd-27", "fivetran.connection.pause", "", "\"c1\""))));
		assertThat(rejection.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
		assertThat(rejection.detail()).contains("'data' must be a JSON object");
	}

	@Test
	void readRejectsEventWithoutData() {
		Rejection rejection = rejected(this.reader.read(structured(null, """
				{"specversion":"1.0","id":"cmd-28","source":"urn:x","type":"fivetran.connection.pause"}""")));
		assertThat(rejection.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
		assertThat(rejection.commandId()).isEqualTo("cmd-28");
	}

	@Test
	void readRejectsCreateWithoutAnyGroup() {
		Rejection rejection = rejected(this.reader.read(structured(null, event("cmd-29", "fivetran.connection.create",
				"", "{\"service\":\"postgres\",\"config\":{\"schema\":\"s\"}}"))));
		assertThat(rejection.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
		assertThat(rejection.commandId()).isEqualTo("cmd-29");
	}

	@Test
	void readRejectsDuplicateTypeInEnvelopeAsNotJson() {
		Rejection rejection = rejected(this.reader.read(structured(null, """
				{"specversion":"1.0","id":"cmd-d1","source":"urn:x","type":"fivetran.connection.pause",
				 "type":"fivetran.connection.delete","data":{"connection_id":"c1"}}""")));
		assertThat(rejection.reason()).isEqualTo(Reason.NOT_JSON);
		assertThat(rejection.detail()).containsIgnoringCase("duplicate").contains("type");
	}

	@Test
	void readRejectsDuplicateKeyInDataAsNotJson() {
		Rejection rejection = rejected(this.reader.read(structured(null, event("cmd-d2", "fivetran.connection.pause",
				"", "{\"connection_id\":\"c1\",\"connection_id\":\"c2\"}"))));
		assertThat(rejection.reason()).isEqualTo(Reason.NOT_JSON);
		assertThat(rejection.detail()).containsIgnoringCase("duplicate").contains("connection_id");
	}

	@Test
	void readRejectsDuplicateKeyNestedDeepInDataAsNotJson() {
		Rejection rejection = rejected(this.reader.read(structured(null,
				event("cmd-d3", "fivetran.connection.schema.update", "",
						"{\"connection_id\":\"c1\",\"schemas\":{\"s\":{\"tables\":{\"t\":"
								+ "{\"enabled\":true,\"enabled\":false}}}}}"))));
		assertThat(rejection.reason()).isEqualTo(Reason.NOT_JSON);
		assertThat(rejection.detail()).containsIgnoringCase("duplicate").contains("enabled");
	}

	@Test
	void readRejectsDuplicateKeyInBinaryDataAndKeepsItsId() {
		IncomingRecord record = record(null, "{\"connection_id\":\"c1\",\"connection_id\":\"c2\"}",
				header("ce_specversion", "1.0"), header("ce_id", "cmd-d4"), header("ce_source", "urn:x"),
				header("ce_type", "fivetran.connection.delete"));
		Rejection rejection = rejected(this.reader.read(record));
		assertThat(rejection.reason()).isEqualTo(Reason.NOT_JSON);
		assertThat(rejection.commandId()).isEqualTo("cmd-d4");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			../../v1/users
			c\\u0000; DROP
			.
			..
			a/b
			a b
			a.b
			''
			c1234567890123456789012345678901234567890123456789012345678901234
			""")
	void readRejectsConnectionIdThatIsNotAFivetranId(String id) {
		Rejection rejection = rejected(this.reader.read(structured(null,
				event("cmd-i1", "fivetran.connection.delete", "", "{\"connection_id\":\"" + id + "\"}"))));
		assertThat(rejection.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
		assertThat(rejection.detail()).contains("connection_id");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					fivetran.connection.create | {"service":"postgres","group_id":"a/b","config":{"schema":"s"}}
					fivetran.connection.create | {"service":"postgres","group_ids":["g1",".."],"config":{"schema":"s"}}
					fivetran.connection.create | {"service":"postgres","group_id":"g1","proxy_agent_id":"../x","config":{"schema":"s"}}
					fivetran.connection.update | {"connection_id":"c1","private_link_id":"a b"}
					fivetran.transformation.run | {"transformation_id":".."}
					fivetran.group.status | {"group_id":"g 1"}
					fivetran.group.heal | {"group_id":"%2e%2e"}
					fivetran.webhook.create | {"group_id":"..","url":"https://h.example","events":["sync_end"]}
					fivetran.certificate.approve | {"destination_id":"d/1","hash":"h","public_key":"k"}
					fivetran.destination.create | {"group_id":"g.1","service":"snowflake","time_zone_offset":"0"}
					""")
	void readRejectsEveryIdFieldThatIsNotAFivetranId(String type, String data) {
		assertThat(rejected(this.reader.read(structured(null, event("cmd-i2", type, "", data)))).reason())
			.isEqualTo(Reason.SCHEMA_VIOLATION);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			decent_dropsy
			_moonbeam_acc_dev
			Warm-Up_2
			c1
			""")
	void readAcceptsRealShapesOfFivetranIds(String id) {
		assertThat(accepted(this.reader.read(structured(null,
				event("cmd-i3", "fivetran.connection.pause", "", "{\"connection_id\":\"" + id + "\"}"))))
			.data()
			.path("connection_id")
			.asString()).isEqualTo(id);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{"connection_id":"c1","schema_name":"..","enabled":false}
			{"connection_id":"c1","schema_name":".","enabled":false}
			{"connection_id":"c1","schema_name":"","enabled":false}
			{"connection_id":"c1","schema_name":"a\\u0007b","enabled":false}
			{"connection_id":"c1","schema_name":"s","table_name":"..","enabled":false}
			{"connection_id":"c1","schema_name":"s","table_name":"t","column_name":".","enabled":false}
			{"connection_id":"c1","schemas":{"..":{"enabled":false}}}
			{"connection_id":"c1","schemas":{"s":{"tables":{"t\\n":{"enabled":false}}}}}
			{"connection_id":"c1","schemas":{"s":{"tables":{"t":{"columns":{"":{"enabled":false}}}}}}}
			""")
	void readRejectsSchemaTableAndColumnNamesThatAreNotNames(String data) {
		assertThat(rejected(
				this.reader.read(structured(null, event("cmd-n1", "fivetran.connection.schema.update", "", data))))
			.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			fivetran.connection.resync | {"connection_id":"c1","scope":{"..":["t"]}}
			fivetran.connection.resync | {"connection_id":"c1","scope":{"s":["."]}}
			fivetran.connection.tables.resync | {"connection_id":"c1","scope":{"s":["t\\u0000"]}}
			""")
	void readRejectsResyncScopeNamesThatAreNotNames(String type, String data) {
		assertThat(rejected(this.reader.read(structured(null, event("cmd-n2", type, "", data)))).reason())
			.isEqualTo(Reason.SCHEMA_VIOLATION);
	}

	@Test
	void readAcceptsNamesWithDotsSpacesAndUnicode() {
		Command command = accepted(this.reader.read(structured(null, event("cmd-n3",
				"fivetran.connection.schema.update", "",
				"{\"connection_id\":\"c1\",\"schema_name\":\"my.schema\",\"table_name\":\"Order Lines ü\",\"enabled\":true}"))));
		assertThat(command.data().path("table_name").asString()).isEqualTo("Order Lines ü");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			id     | cmd\\u0001
			source | urn:x\\nurn:y
			type   | fivetran.connection.pause\\u001b
			""")
	void readRejectsEnvelopeAttributeWithControlCharacter(String attribute, String value) {
		String json = "{\"specversion\":\"1.0\",\"id\":\"cmd-a1\",\"source\":\"urn:x\",\"type\":\"fivetran.connection.pause\","
				+ "\"data\":{\"connection_id\":\"c1\"}}";
		json = json.replaceFirst("\"" + attribute + "\":\"[^\"]*\"",
				java.util.regex.Matcher.quoteReplacement("\"" + attribute + "\":\"" + value + "\""));
		Rejection rejection = rejected(this.reader.read(structured(null, json)));
		assertThat(rejection.reason()).isEqualTo(Reason.INVALID_ATTRIBUTE);
		assertThat(rejection.detail()).contains("'" + attribute + "'").contains("control character");
		assertThat(rejection.detail()).doesNotContainPattern("\\p{Cntrl}");
	}

	@Test
	void readRejectsIdWithUnpairedSurrogateAndAcceptsAPair() {
		Rejection rejection = rejected(this.reader.read(structured(null,
				event("lone\\ud800-a1", "fivetran.connection.pause", "", "{\"connection_id\":\"c1\"}"))));
		assertThat(rejection.reason()).isEqualTo(Reason.INVALID_ATTRIBUTE);
		assertThat(rejection.detail()).contains("'id'").contains("unpaired surrogate (U+D800 at index 4)");
		assertThat(rejection.commandId()).isNull();
		ReadResult paired = this.reader.read(structured(null,
				event("pair\\ud83d\\ude00-a1", "fivetran.connection.pause", "", "{\"connection_id\":\"c1\"}")));
		assertThat(paired).isInstanceOf(ReadResult.Accepted.class);
		assertThat(((ReadResult.Accepted) paired).command().id()).isEqualTo("pair\ud83d\ude00-a1");
	}

	@Test
	void readRejectsEnvelopeAttributeOverTheByteCapCountingUtf8Bytes() {
		String id = "€".repeat(86);
		Rejection rejection = rejected(this.reader
			.read(structured(null, event(id, "fivetran.connection.pause", "", "{\"connection_id\":\"c1\"}"))));
		assertThat(rejection.reason()).isEqualTo(Reason.INVALID_ATTRIBUTE);
		assertThat(rejection.detail()).contains("'id'").contains("258 bytes").contains("256");
		assertThat(rejection.commandId()).isNull();
		assertThat(accepted(this.reader.read(
				structured(null, event("€".repeat(85), "fivetran.connection.pause", "", "{\"connection_id\":\"c1\"}"))))
			.id()).hasSize(85);
	}

	@Test
	void readRejectsSubjectWithControlCharacter() {
		Rejection rejection = rejected(this.reader.read(structured(null, event("cmd-a2", "fivetran.connection.pause",
				"\"subject\":\"c1\\r\\n\",", "{\"connection_id\":\"c1\"}"))));
		assertThat(rejection.reason()).isEqualTo(Reason.INVALID_ATTRIBUTE);
		assertThat(rejection.detail()).contains("'subject'");
	}

	@Test
	void readRejectsBinaryEventWithOverlongSourceHeader() {
		IncomingRecord record = record(null, "{\"connection_id\":\"c1\"}", header("ce_specversion", "1.0"),
				header("ce_id", "cmd-a3"), header("ce_source", "u".repeat(257)),
				header("ce_type", "fivetran.connection.pause"));
		Rejection rejection = rejected(this.reader.read(record));
		assertThat(rejection.reason()).isEqualTo(Reason.INVALID_ATTRIBUTE);
		assertThat(rejection.detail()).contains("'source'").contains("257 bytes");
		assertThat(rejection.commandId()).isEqualTo("cmd-a3");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			tenant\\u0000c1
			tenant\\tc1
			""")
	void readRejectsRecordKeyWithControlCharacter(String escapedKey) {
		String key = escapedKey.replace("\\u0000", "\u0000").replace("\\t", "\t");
		Rejection rejection = rejected(this.reader
			.read(structured(key, event("cmd-a4", "fivetran.connection.pause", "", "{\"connection_id\":\"c1\"}"))));
		assertThat(rejection.reason()).isEqualTo(Reason.INVALID_ATTRIBUTE);
		assertThat(rejection.detail()).contains("record key");
		assertThat(rejection.commandId()).isEqualTo("cmd-a4");
	}

	@Test
	void readRejectsRecordKeyOverTheByteCap() {
		Rejection rejection = rejected(this.reader.read(structured("k".repeat(257),
				event("cmd-a5", "fivetran.connection.pause", "", "{\"connection_id\":\"c1\"}"))));
		assertThat(rejection.reason()).isEqualTo(Reason.INVALID_ATTRIBUTE);
		assertThat(rejection.detail()).contains("record key").contains("257 bytes");
	}

	@Test
	void readRejectsDeepNestingAsOversized() {
		String deep = "[".repeat(200) + "]".repeat(200);
		Rejection rejection = rejected(this.reader.read(structured(null, event("cmd-b1", "fivetran.connection.create",
				"", "{\"service\":\"postgres\",\"group_id\":\"g1\",\"config\":{\"x\":" + deep + "}}"))));
		assertThat(rejection.reason()).isEqualTo(Reason.OVERSIZED);
		assertThat(rejection.detail()).containsIgnoringCase("nesting");
		// structured mode: the id is inside the document that was refused
		assertThat(rejection.commandId()).isNull();
	}

	@Test
	void readRejectsOverlongNumberAsOversized() {
		Rejection rejection = rejected(this.reader.read(structured(null, event("cmd-b2", "fivetran.connection.create",
				"", "{\"service\":\"postgres\",\"group_id\":\"g1\",\"config\":{\"x\":1" + "0".repeat(500) + "}}"))));
		assertThat(rejection.reason()).isEqualTo(Reason.OVERSIZED);
	}

	@Test
	void readRejectsMebibyteOfTinyObjectsCheaply() {
		int count = 340_000;
		StringBuilder config = new StringBuilder("{\"service\":\"postgres\",\"group_id\":\"g1\",\"config\":{\"x\":[");
		for (int i = 0; i < count; i++) {
			config.append((i > 0) ? ",{}" : "{}");
		}
		String value = event("cmd-b3", "fivetran.connection.create", "", config.append("]}}").toString());
		assertThat(bytes(value).length).isLessThanOrEqualTo(1_048_576);
		Rejection rejection = rejected(this.reader.read(structured(null, value)));
		assertThat(rejection.reason()).isEqualTo(Reason.OVERSIZED);
		assertThat(rejection.detail()).contains("memory");
	}

	@Test
	void readAcceptsLargeCreateWithPemKey() {
		String pem = "-----BEGIN PRIVATE KEY-----\\n" + "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n".repeat(20_000)
				+ "-----END PRIVATE KEY-----\\n";
		Command command = accepted(this.reader.read(structured(null, event("cmd-b4", "fivetran.connection.create", "",
				"{\"service\":\"snowflake_db\",\"group_id\":\"g1\",\"config\":{\"schema\":\"sf\",\"private_key\":\""
						+ pem + "\"}}"))));
		assertThat(command.data().path("config").path("private_key").asString()).startsWith("-----BEGIN");
	}

	@Test
	void readAcceptsLargeSchemaUpdate() {
		String schemas = schemaUpdateMap(200);
		String value = event("cmd-b5", "fivetran.connection.schema.update", "",
				"{\"connection_id\":\"c1\",\"schemas\":{" + schemas + "}}");
		assertThat(bytes(value).length).isGreaterThan(500_000);
		assertThat(accepted(this.reader.read(structured(null, value))).data().path("schemas").size()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(CommandType.class)
	void readAcceptsEveryExampleOfEveryCommandSchema(CommandType type) throws Exception {
		JsonNode schema;
		try (InputStream in = getClass().getClassLoader()
			.getResourceAsStream("topics/schemas/commands/" + type.type() + ".json")) {
			schema = JsonMapper.builder().build().readTree(in);
		}
		assertThat(schema.path("examples")).as(type.type()).isNotEmpty();
		for (JsonNode example : schema.path("examples")) {
			assertThat(accepted(this.reader.read(structured(null, event("ex", type.type(), "", example.toString()))))
				.type()).isEqualTo(type);
		}
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					fivetran.group.create           | {}
					fivetran.group.create           | {"name":"g","extra":1}
					fivetran.destination.create     | {"service":"snowflake","time_zone_offset":"0"}
					fivetran.destination.create     | {"group_id":"g","group_name":"n","service":"snowflake","time_zone_offset":"0"}
					fivetran.destination.create     | {"group_id":"g","service":"snowflake","time_zone_offset":"+13"}
					fivetran.destination.create     | {"group_name":"n","time_zone_offset":"0"}
					fivetran.user.create            | {"email":"ada@example.com","given_name":"Ada"}
					fivetran.user.create            | {"email":"not an email","given_name":"Ada","family_name":"L"}
					fivetran.team.create            | {"description":"no name"}
					fivetran.webhook.create         | {"url":"https://h.example","events":[]}
					fivetran.webhook.create         | {"url":"ftp://h.example","events":["sync_end"]}
					fivetran.webhook.create         | {"url":"http://h.example","events":["sync_end"]}
					fivetran.webhook.create         | {"url":"https://h.example","events":["sync_end"],"active":"yes"}
					fivetran.certificate.approve    | {"connection_id":"c","hash":"h"}
					fivetran.certificate.approve    | {"hash":"h","encoded_cert":"QUJD"}
					fivetran.certificate.approve    | {"connection_id":"c","destination_id":"d","hash":"h","encoded_cert":"QUJD"}
					fivetran.certificate.approve    | {"connection_id":"c","hash":"h","encoded_cert":"QUJD","public_key":"k"}
					fivetran.group.heal             | {"trust_certificates":true}
					fivetran.group.heal             | {"group_id":"g","trust_certificates":"yes"}
					fivetran.connection.schema.describe | {"connection_id":"c","fetch_columns":1}
					fivetran.connection.schema.describe | {"connection_id":""}
					fivetran.transformation.cancel  | {}
					fivetran.transformation.cancel  | {"transformation_id":"t","force":true}
					fivetran.transformation.run     | {"transformation_id":"t","cancel_on_timeout":"yes"}
					fivetran.connection.connect_card | {"connection_id":"c"}
					fivetran.connection.connect_card | {"connection_id":"c","redirect_uri":"portal.example/done"}
					fivetran.connection.connect_card | {"connection_id":"c","redirect_uri":"https://p.example","hide_setup_guide":"yes"}
					fivetran.connection.create      | {"group_id":"g","service":"postgres","config":{"schema":"s"},"connect_card_config":{"hide_setup_guide":true}}
					fivetran.connection.await       | {"connection_id":"c","timeout":"30 minutes"}
					fivetran.connection.await       | {"connection_id":"c","max_age":"P"}
					fivetran.connection.await       | {"connection_id":"c","after":"yesterday"}
					fivetran.connection.await       | {"connection_id":"c","force":true}
					""")
	void readRejectsInvalidAdminAndFleetCommands(String type, String data) {
		Rejection rejection = rejected(this.reader.read(structured(null, event("cmd-bad", type, "", data))));
		assertThat(rejection.reason()).isEqualTo(Reason.SCHEMA_VIOLATION);
		assertThat(rejection.commandId()).isEqualTo("cmd-bad");
		assertThat(rejection.commandType()).isEqualTo(type);
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(delimiter = '|',
			textBlock = """
					fivetran.group.create        | {"name":"warehouse"}                                                        | warehouse
					fivetran.destination.create  | {"group_name":"wh","service":"snowflake","time_zone_offset":"0"}           | wh
					fivetran.destination.create  | {"group_id":"g1","service":"snowflake","time_zone_offset":"0"}             | g1
					fivetran.user.create         | {"email":"ada@example.com","given_name":"Ada","family_name":"L"}           | ada@example.com
					fivetran.webhook.create      | {"url":"https://h.example","events":["sync_end"]}                          | account
					fivetran.webhook.create      | {"group_id":"g1","url":"https://h.example","events":["sync_end"]}          | g1
					fivetran.certificate.approve | {"destination_id":"d1","hash":"h","public_key":"k"}                        | d1
					fivetran.group.heal          | {"group_id":"g1"}                                                          | g1
					fivetran.transformation.cancel | {"transformation_id":"t1"}                                               | t1
					fivetran.connection.connect_card | {"connection_id":"c1","redirect_uri":"https://p.example"}              | c1
					fivetran.connection.await    | {"connection_id":"c1","after":"2026-03-01T12:00:00Z","timeout":"PT2H"}   | c1
					""")
	void readWithoutRecordKeyKeysAdminAndFleetCommandsByTheirResource(String type, String data, String key) {
		assertThat(accepted(this.reader.read(structured(null, event("cmd-key", type, "", data)))).key()).isEqualTo(key);
	}

	private static CommandReader reader(int maxBytes) {
		return new CommandReader(SCHEMAS, maxBytes, CLOCK);
	}

	private static String event(String id, String type, String extraAttributes, String data) {
		return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/ops/console\",\"type\":\"" + type + "\","
				+ extraAttributes + "\"data\":" + data + "}";
	}

	private static IncomingRecord structured(String key, String value) {
		return record(key, value, header("content-type", "application/cloudevents+json"));
	}

	private static IncomingRecord record(String key, String value, Header... headers) {
		return new IncomingRecord("commands", 0, 1, 0, (key != null) ? bytes(key) : null, bytes(value),
				new ArrayList<>(List.of(headers)));
	}

	private static Header header(String name, String value) {
		return new Header(name, bytes(value));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static Command accepted(ReadResult result) {
		assertThat(result).isInstanceOf(ReadResult.Accepted.class);
		return ((ReadResult.Accepted) result).command();
	}

	private static Rejection rejected(ReadResult result) {
		assertThat(result).isInstanceOf(ReadResult.Rejected.class);
		Rejection rejection = ((ReadResult.Rejected) result).rejection();
		assertThat(rejection.detail()).isNotBlank();
		return rejection;
	}

	/**
	 * The {@code schemas} map of a large, legitimate schema update: {@code count} schemas
	 * of 60 tables each (the shape of a real bulk column-hashing change).
	 */
	static String schemaUpdateMap(int count) {
		StringBuilder schemas = new StringBuilder();
		for (int s = 0; s < count; s++) {
			schemas.append((s > 0) ? "," : "")
				.append("\"schema_")
				.append(s)
				.append("\":{\"enabled\":true,\"tables\":{");
			for (int t = 0; t < 60; t++) {
				schemas.append((t > 0) ? "," : "")
					.append("\"table_")
					.append(t)
					.append("\":{\"enabled\":false,\"columns\":{\"id\":{\"hashed\":true}}}");
			}
			schemas.append("}}");
		}
		return schemas.toString();
	}

}
