package dev.ftbridge.command.handlers;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * {@code fivetran.certificate.approve}: a certificate ({@code encoded_cert}) or
 * fingerprint ({@code public_key}) approval for a connection or a destination; approving
 * again changes nothing.
 */
@Component
class CertificateApproveHandler extends SingleRequestHandler {

	CertificateApproveHandler(HandlerContext context) {
		super(CommandType.CERTIFICATE_APPROVE, context,
				FivetranRequests.approveConnectionCertificate(ID, Bodies.empty()),
				FivetranRequests.approveConnectionFingerprint(ID, Bodies.empty()),
				FivetranRequests.approveDestinationCertificate(ID, Bodies.empty()),
				FivetranRequests.approveDestinationFingerprint(ID, Bodies.empty()));
	}

	@Override
	FivetranRequest request(Command command) {
		String connection = command.text("connection_id");
		String destination = command.text("destination_id");
		ObjectNode body = Bodies.without(command.data(), "connection_id", "destination_id");
		boolean certificate = body.has("encoded_cert");
		if (connection != null) {
			return certificate ? FivetranRequests.approveConnectionCertificate(connection, body)
					: FivetranRequests.approveConnectionFingerprint(connection, body);
		}
		return certificate ? FivetranRequests.approveDestinationCertificate(destination, body)
				: FivetranRequests.approveDestinationFingerprint(destination, body);
	}

}
