package io.llmobs.sample;

import java.io.IOException;
import java.nio.file.Path;

import io.llmobs.eval.GateResult;
import io.llmobs.eval.GoldenDataset;
import io.llmobs.eval.RegressionGate;
import io.llmobs.judge.Judge;
import io.llmobs.sample.shipping.ShippingQuoteAgent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regression gate of the Shipping Cost Agent: the golden quote requests go through
 * the whole agent (classify, retrieve, generate with the tools), the application's judge
 * and the price checks score the quotes, and the build fails when a price changes or the
 * mean falls below 0.90.
 */
@SimulatedSampleTest
class ShippingQuoteRegressionGateTests {

	@Autowired
	private ShippingQuoteAgent agent;

	@Autowired
	private Judge judge;

	@Test
	void goldenQuotesPassTheGate() throws IOException {
		GateResult result = RegressionGate
			.builder(GoldenDataset.fromClasspath("golden/quotes.jsonl"),
					(question) -> this.agent.quote(question, "golden").answer())
			.judge(this.judge)
			.stage("generate")
			.model("gpt-4o-mini")
			.build()
			.run()
			.assertPassed();
		assertThat(result.cases()).hasSize(4).allSatisfy((answered) -> assertThat(answered.judgeScores()).isNotEmpty());
		assertThat(Path.of("target", "llmobs-eval", "quotes.md")).exists();
	}

}
