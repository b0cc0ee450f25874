package dev.ftbridge.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.ftbridge.sandbox.SandboxClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's admin endpoints: destinations, teams, users, and approving certificates
 * and fingerprints, whose approval the next setup tests honour.
 */
class AdminEndpointsTest {

	private FivetranSandbox sandbox;

	private SandboxClient client;

	private String groupId;

	@BeforeEach
	void start() {
		this.sandbox = FivetranSandbox.start(SandboxClient.settings());
		this.client = new SandboxClient(this.sandbox);
		this.groupId = this.sandbox.state().addGroup("warehouse").id();
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
	}

	@Test
	void aDestinationIsCreatedWith201InItsGroupAndTakesTheGroupsId() throws Exception {
		Reply created = this.client.post("/v1/destinations", """
				{"group_id":"%s","service":"snowflake","time_zone_offset":"-5",
				 "config":{"host":"acme.snowflakecomputing.com","password":"hunter2"}}""".formatted(this.groupId));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.data().path("id").asString()).isEqualTo(this.groupId);
		assertThat(created.data().path("setup_status").asString()).isEqualTo("CONNECTED");
		assertThat(created.data().path("config").path("password").asString()).isEqualTo("******");
		assertThat(this.client.get("/v1/destinations/" + this.groupId).data().path("service").asString())
			.isEqualTo("snowflake");
		assertThat(this.sandbox.requestLog().count("POST", "/v1/destinations")).isEqualTo(1);
	}

	@Test
	void aDestinationNeedsAGroupWithoutOneAndAKnownTimeZoneOffset() throws Exception {
		String body = "{\"group_id\":\"%s\",\"service\":\"snowflake\",\"time_zone_offset\":\"%s\"}";
		assertThat(this.client.post("/v1/destinations", body.formatted("missing", "0")).code())
			.isEqualTo("NotFound_Group");
		Reply badOffset = this.client.post("/v1/destinations", body.formatted(this.groupId, "+13"));
		assertThat(badOffset.status()).isEqualTo(400);
		assertThat(badOffset.body().path("message").asString()).contains("time_zone_offset");
		assertThat(this.client.post("/v1/destinations", "{\"group_id\":\"" + this.groupId + "\"}").status())
			.isEqualTo(400);
		assertThat(this.client.post("/v1/destinations", body.formatted(this.groupId, "+1")).status()).isEqualTo(201);
		Reply second = this.client.post("/v1/destinations", body.formatted(this.groupId, "+1"));
		assertThat(second.status()).isEqualTo(400);
		assertThat(second.body().path("message").asString()).contains("already has a destination");
		assertThat(this.client.get("/v1/destinations/missing").status()).isEqualTo(404);
	}

	@Test
	void aDestinationWhoseSetupTestsFailIsCreatedBroken() throws Exception {
		Reply created = this.client.post("/v1/destinations", """
				{"group_id":"%s","service":"redshift","time_zone_offset":"0","config":{"sandbox_setup":"fail"}}"""
			.formatted(this.groupId));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.data().path("setup_status").asString()).isEqualTo("BROKEN");
		assertThat(created.data().path("setup_tests").findValuesAsString("status")).contains("FAILED");
	}

	@Test
	void teamsAreCreatedWith201AndUniqueByName() throws Exception {
		Reply created = this.client.post("/v1/teams",
				"{\"name\":\"Finance\",\"description\":\"Finance analysts\",\"role\":\"Account Analyst\"}");
		assertThat(created.status()).isEqualTo(201);
		String id = created.data().path("id").asString();
		assertThat(created.data().path("role").asString()).isEqualTo("Account Analyst");
		assertThat(this.client.get("/v1/teams/" + id).data().path("name").asString()).isEqualTo("Finance");
		assertThat(this.client.get("/v1/teams").data().path("items")).hasSize(1);
		assertThat(this.client.post("/v1/teams", "{\"name\":\"Finance\"}").status()).isEqualTo(409);
		assertThat(this.client.post("/v1/teams", "{\"description\":\"no name\"}").status()).isEqualTo(400);
		assertThat(this.client.get("/v1/teams/missing").status()).isEqualTo(404);
	}

	@Test
	void usersNeedEmailAndNamesAndAreUniqueByEmail() throws Exception {
		String user = "{\"email\":\"ada@example.com\",\"given_name\":\"Ada\",\"family_name\":\"Lovelace\"}";
		Reply created = this.client.post("/v1/users", user);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.data().path("invited").asBoolean()).isTrue();
		assertThat(this.client.post("/v1/users", user).status()).isEqualTo(409);
		assertThat(this.client.post("/v1/users", "{\"email\":\"bob@example.com\"}").status()).isEqualTo(400);
		String id = created.data().path("id").asString();
		assertThat(this.client.get("/v1/users/" + id).data().path("email").asString()).isEqualTo("ada@example.com");
		assertThat(this.client.get("/v1/users").data().path("items")).hasSize(1);
		assertThat(this.client.get("/v1/users/missing").status()).isEqualTo(404);
	}

	@Test
	void anApprovedCertificateLetsTheNextSetupTestsPass() throws Exception {
		String connection = untrusted("untrusted_certificate");
		assertThat(this.client.post("/v1/connections/" + connection + "/test", "{}")
			.data()
			.at("/status/setup_state")
			.asString()).isEqualTo("broken");
		Reply approved = this.client.post("/v1/connections/" + connection + "/certificates",
				"{\"hash\":\"jhg5UI7f\",\"encoded_cert\":\"TUlJRDlEQ0NBdHln\"}");
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.data().path("hash").asString()).isEqualTo("jhg5UI7f");
		assertThat(approved.data().path("sha256").asString()).hasSize(64);
		assertThat(this.client.post("/v1/connections/" + connection + "/test", "{}")
			.data()
			.at("/status/setup_state")
			.asString()).isEqualTo("connected");
		assertThat(this.sandbox.state().approvedHashes(connection)).containsExactly("jhg5UI7f");
	}

	@Test
	void testingWithTrustFingerprintsApprovesTheFingerprint() throws Exception {
		String connection = untrusted("untrusted_fingerprint");
		Reply trusted = this.client.post("/v1/connections/" + connection + "/test",
				"{\"trust_certificates\":true,\"trust_fingerprints\":true}");
		assertThat(trusted.data().at("/status/setup_state").asString()).isEqualTo("connected");
		assertThat(this.client.post("/v1/connections/" + connection + "/test", "{}")
			.data()
			.at("/status/setup_state")
			.asString()).as("trusted from now on").isEqualTo("connected");
	}

	@Test
	void fingerprintsAreApprovedWith201ForConnectionsAndDestinations() throws Exception {
		String connection = untrusted("untrusted_fingerprint");
		String fingerprint = "{\"hash\":\"eUtPirI6yy\",\"public_key\":\"ssh-rsa AAAAB3Nza\"}";
		Reply approved = this.client.post("/v1/connections/" + connection + "/fingerprints", fingerprint);
		assertThat(approved.status()).isEqualTo(201);
		assertThat(approved.data().path("public_key").asString()).isEqualTo("ssh-rsa AAAAB3Nza");
		this.client.post("/v1/destinations",
				"{\"group_id\":\"" + this.groupId + "\",\"service\":\"snowflake\",\"time_zone_offset\":\"0\"}");
		assertThat(this.client.post("/v1/destinations/" + this.groupId + "/fingerprints", fingerprint).status())
			.isEqualTo(201);
		assertThat(this.client
			.post("/v1/destinations/" + this.groupId + "/certificates", "{\"hash\":\"h\",\"encoded_cert\":\"QUJD\"}")
			.status()).isEqualTo(200);
		assertThat(this.sandbox.state().approvedHashes(this.groupId)).containsExactly("h", "eUtPirI6yy");
	}

	@Test
	void approvalsNeedAKnownOwnerAndTheirFields() throws Exception {
		String connection = untrusted("untrusted_certificate");
		assertThat(
				this.client.post("/v1/connections/missing/certificates", "{\"hash\":\"h\",\"encoded_cert\":\"QUJD\"}")
					.code())
			.isEqualTo("NotFound_Connection");
		assertThat(this.client.post("/v1/destinations/missing/fingerprints", "{\"hash\":\"h\",\"public_key\":\"k\"}")
			.code()).isEqualTo("NotFound_Destination");
		assertThat(this.client.post("/v1/connections/" + connection + "/certificates", "{\"hash\":\"h\"}").status())
			.isEqualTo(400);
		assertThat(this.client
			.post("/v1/connections/" + connection + "/certificates", "{\"hash\":\"h\",\"encoded_cert\":\"%%%\"}")
			.status()).isEqualTo(400);
		assertThat(this.client.post("/v1/connections/" + connection + "/fingerprints", "{\"hash\":\"h\"}").status())
			.isEqualTo(400);
		assertThat(this.sandbox.state().approvedHashes(connection)).isEmpty();
	}

	private String untrusted(String hook) {
		String id = this.sandbox.state()
			.addConnection(this.groupId, "postgres", hook, Json.object().put(SetupTests.HOOK, hook));
		assertThat(this.sandbox.state().connectionDetails(id).orElseThrow().at("/status/setup_state").asString())
			.isEqualTo("broken");
		return id;
	}

}
