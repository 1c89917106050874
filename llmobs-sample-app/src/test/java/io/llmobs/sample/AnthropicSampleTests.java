package io.llmobs.sample;

import java.util.List;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample on Spring AI's Anthropic client ({@code --sample.provider=anthropic}): the
 * simulator's Messages wire, its cache reads, priced by the catalog.
 */
@TestPropertySource(properties = "sample.provider=anthropic")
class AnthropicSampleTests extends ProviderSampleTests {

	@Override
	String provider() {
		return "anthropic";
	}

	@Override
	String responseModel() {
		return "claude-haiku-4-5-20251001";
	}

	@Override
	void assertProviderSeries(List<String> before, List<String> after) {
		assertThat(PrometheusScrape.increase(before, after, "llmobs_cost_usd_total", "provider", "anthropic", "model",
				responseModel(), "stage", "generate"))
			.isPositive();
		assertThat(PrometheusScrape.increase(before, after, "llmobs_tokens_total", "provider", "anthropic", "stage",
				"generate", "type", "cache_read"))
			.as("the generate step's system prompt, read from the cache on its second and third model call")
			.isPositive();
		assertThat(PrometheusScrape.increase(before, after, "llmobs_finish_reason_total", "provider", "anthropic",
				"stage", "generate", "reason", "tool_calls"))
			.as("tool_use, once for each tool")
			.isEqualTo(2);
	}

}
