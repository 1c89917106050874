package io.llmobs.cost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class UnpricedModelWarningsTests {

	@Test
	void warnsOncePerModelNamingThePropertiesToSet(CapturedOutput output) {
		UnpricedModelWarnings warnings = new UnpricedModelWarnings();
		warnings.warnOnce("acme-llm", "acme-llm", "openai");
		warnings.warnOnce("acme-llm", "acme-llm", "openai");
		warnings.warnOnce("other-llm", "other-llm", "openai");
		assertThat(output.getOut().split("has no price in the llmobs model catalog", -1)).hasSize(3);
		assertThat(output.getOut()).contains("Model 'acme-llm'").contains("llmobs.models.<key>.input-price");
	}

}
