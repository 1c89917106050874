package io.llmobs.sample;

import java.util.List;

import io.llmobs.sample.shipping.CalculatorTool;
import io.llmobs.sample.shipping.Quote;
import io.llmobs.sample.shipping.RateLookupTool;
import io.llmobs.sample.shipping.ShippingQuoteAgent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Shipping Cost Agent end to end: classify, retrieve, generate with tools, in one
 * task.
 */
@SimulatedSampleTest
class ShippingQuoteAgentTests {

	@Autowired
	private RestTestClient client;

	@Test
	void quotesFromTheRateCardWithBothTools() {
		Quote quote = SampleApi.quote(this.client, "What does express shipping of 5 kg to Hanoi cost?");
		assertThat(quote.category()).isEqualTo("shipping");
		assertThat(quote.passages()).hasSize(3).contains("Zone 5: Asia-Pacific");
		assertThat(quote.answer()).as("45.00 EUR + 4.20 EUR per kg")
			.startsWith("Express shipping of 5 kg to Hanoi costs 66.00 EUR");
		assertThat(quote.responseId()).isNotBlank();
		assertThat(quote.costUsd()).isPositive();
	}

	@Test
	void everyStepShowsOnPrometheus() {
		SampleApi.quote(this.client, "How much is standard shipping of 12 kg to Paris?");
		List<String> metrics = PrometheusScrape.lines(this.client);
		for (String tool : List.of(RateLookupTool.NAME, CalculatorTool.NAME)) {
			assertThat(PrometheusScrape.sum(metrics, "llmobs_tool_seconds_count", "tool", tool, "outcome", "success",
					"stage", "generate"))
				.as(tool)
				.isPositive();
		}
		assertThat(PrometheusScrape.sum(metrics, "llmobs_context_tokens_sum", "stage", "generate", "section",
				"retrieved_documents"))
			.isPositive();
		assertThat(PrometheusScrape.sum(metrics, "llmobs_chat_seconds_count", "stage", "classify")).isPositive();
		assertThat(PrometheusScrape.sum(metrics, "llmobs_task_cost_usd_count", "task", ShippingQuoteAgent.TASK,
				"outcome", "success"))
			.isPositive();
		assertThat(PrometheusScrape.sum(metrics, "shipping_retrieve_seconds_count", "llmobs_stage", "retrieve"))
			.isPositive();
	}

}
