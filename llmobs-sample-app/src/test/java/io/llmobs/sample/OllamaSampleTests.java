package io.llmobs.sample;

import java.util.List;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample on Spring AI's Ollama client ({@code --sample.provider=ollama}): the
 * simulator's {@code /api/chat} wire, a local model the catalog prices at 0.
 */
@TestPropertySource(properties = "sample.provider=ollama")
class OllamaSampleTests extends ProviderSampleTests {

	@Override
	String provider() {
		return "ollama";
	}

	@Override
	String responseModel() {
		return "llama3.2";
	}

	@Override
	void assertProviderSeries(List<String> before, List<String> after) {
		// the model's own series: the sampled judge (gpt-4.1-mini, priced) may have run
		// through the same client
		assertThat(after).as("priced, at 0")
			.anyMatch((line) -> line.startsWith("llmobs_cost_usd_total{") && line.contains("provider=\"ollama\"")
					&& line.contains("model=\"" + responseModel() + "\"") && line.contains("stage=\"generate\""));
		assertThat(PrometheusScrape.sum(after, "llmobs_cost_usd_total", "provider", "ollama", "model", responseModel()))
			.isZero();
		assertThat(PrometheusScrape.increase(before, after, "llmobs_finish_reason_total", "provider", "ollama", "stage",
				"generate", "reason", "stop"))
			.as("Ollama ends a tool call with done_reason stop too: two tool calls and the answer")
			.isEqualTo(3);
	}

}
