package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateApproveHandlerTest extends HandlerTest {

	private final CertificateApproveHandler handler = new CertificateApproveHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void aCertificateForAConnectionGoesToTheConnection() {
		this.fivetran.answer(FivetranRequests.approveConnectionCertificate("c1", Bodies.empty()), "{}");
		CommandResult result = only(
				this.handler.execute(command("{'connection_id':'c1','hash':'abc','encoded_cert':'MIIB'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/connections/c1/certificates");
		assertThat(this.fivetran.sent().get(0).body().has("connection_id")).isFalse();
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void aFingerprintForADestinationGoesToTheDestination() {
		this.fivetran.answer(FivetranRequests.approveDestinationFingerprint("d1", Bodies.empty()), "{}");
		CommandResult result = only(
				this.handler.execute(command("{'destination_id':'d1','hash':'abc','public_key':'ssh-rsa AAA'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/destinations/d1/fingerprints");
		assertThat(this.fivetran.sent().get(0).body().has("destination_id")).isFalse();
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.resourceId()).isEqualTo("d1");
	}

}
