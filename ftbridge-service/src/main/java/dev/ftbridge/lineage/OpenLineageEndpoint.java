package dev.ftbridge.lineage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenLineage HTTP endpoint (e.g. Marquez's {@code /api/v1/lineage}) that receives
 * every run event as well. Best effort: the lineage topic is the record; a POST that
 * fails is logged and not retried.
 */
class OpenLineageEndpoint {

	private static final Logger log = LoggerFactory.getLogger(OpenLineageEndpoint.class);

	private final URI uri;

	private final Duration timeout;

	private final HttpClient http;

	OpenLineageEndpoint(URI uri, Duration timeout) {
		this.uri = uri;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	void post(byte[] event) {
		try {
			HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(this.uri)
				.timeout(this.timeout)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(event))
				.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				log.warn("OpenLineage endpoint answered {}", response.statusCode());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			log.warn("OpenLineage endpoint not reached: {}", ex.toString());
		}
	}

}
