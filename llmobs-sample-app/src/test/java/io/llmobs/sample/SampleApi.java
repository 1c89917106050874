package io.llmobs.sample;

import io.llmobs.sample.shipping.Quote;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.servlet.client.RestTestClient;

/** Calls of the running sample's HTTP API that several tests make. */
public final class SampleApi {

	private SampleApi() {
	}

	/**
	 * Asks the Shipping Cost Agent for a quote, as tenant {@code acme}, and expects HTTP
	 * 200.
	 * @param client the client of the running sample
	 * @param question the quote request
	 * @return the quote
	 */
	public static Quote quote(RestTestClient client, String question) {
		return client.get()
			.uri("/api/quote?q={q}&tenant=acme", question)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(Quote.class)
			.getResponseBody();
	}

	/**
	 * Reads {@code /actuator/llmobs}.
	 * @param client the client of the running sample
	 * @param jsonMapper reads the answer
	 * @return the endpoint's answer
	 */
	public static JsonNode llmobsEndpoint(RestTestClient client, JsonMapper jsonMapper) {
		String body = client.get()
			.uri("/actuator/llmobs")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		return jsonMapper.readTree(body);
	}

}
