package io.llmobs.sample;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Reads {@code /actuator/prometheus} of the running sample, line by line.
 */
final class PrometheusScrape {

	private PrometheusScrape() {
	}

	static List<String> lines(RestTestClient client) {
		return client.get()
			.uri("/actuator/prometheus")
			.accept(MediaType.TEXT_PLAIN)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody()
			.lines()
			.toList();
	}

}
