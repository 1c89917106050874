package io.llmobs.sample;

import java.util.ArrayList;
import java.util.List;

import io.llmobs.sample.shipping.Quote;
import io.llmobs.sample.shipping.RateLookupTool;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate lookup failing on every call: the breaker opens after its minimum number of
 * calls, and later quotes get an answer in degraded mode, with HTTP 200, without running
 * the tool.
 */
@SimulatedSampleTest
@TestPropertySource(properties = { "sample.shipping.rate-lookup-failure-rate=1",
		"llmobs.tools.circuit-breaker.minimum-number-of-calls=3", "llmobs.tools.circuit-breaker.sliding-window-size=3",
		"llmobs.tools.circuit-breaker.wait-duration-in-open-state=10m" })
class ShippingQuoteDegradedModeTests {

	@Autowired
	private RestTestClient client;

	@Test
	void aFailingRateLookupOpensItsBreakerAndQuotesDegrade() {
		List<Quote> quotes = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			quotes.add(SampleApi.quote(this.client, "What does standard shipping of 2 kg to Vienna cost?"));
		}
		assertThat(quotes.subList(0, 3)).allSatisfy((quote) -> assertThat(quote.answer()).contains("unavailable"));
		assertThat(quotes.subList(3, 5)).allSatisfy((quote) -> assertThat(quote.answer())
			.contains("The tool '" + RateLookupTool.NAME + "' is unavailable"));
		List<String> metrics = PrometheusScrape.lines(this.client);
		assertThat(PrometheusScrape.sum(metrics, "llmobs_tool_seconds_count", "tool", RateLookupTool.NAME, "outcome",
				"error"))
			.isEqualTo(3);
		assertThat(PrometheusScrape.sum(metrics, "llmobs_tool_seconds_count", "tool", RateLookupTool.NAME, "outcome",
				"rejected"))
			.isEqualTo(2);
		assertThat(PrometheusScrape.sum(metrics, "resilience4j_circuitbreaker_state", "name", RateLookupTool.NAME,
				"state", "open"))
			.isEqualTo(1);
	}

}
