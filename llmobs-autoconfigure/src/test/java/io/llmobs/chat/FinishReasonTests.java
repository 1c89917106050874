package io.llmobs.chat;

import io.llmobs.test.AllocatedBytes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FinishReasonTests {

	@Test
	void normalizesProviderSpellings() {
		assertThat(FinishReason.of("STOP")).isEqualTo(FinishReason.STOP);
		assertThat(FinishReason.of("end_turn")).isEqualTo(FinishReason.STOP);
		assertThat(FinishReason.of("LENGTH")).isEqualTo(FinishReason.LENGTH);
		assertThat(FinishReason.of("max_tokens")).isEqualTo(FinishReason.LENGTH);
		assertThat(FinishReason.of("MAX_TOKENS")).isEqualTo(FinishReason.LENGTH);
		assertThat(FinishReason.of("TOOL_CALLS")).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(FinishReason.of("tool_use")).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(FinishReason.of("SAFETY")).isEqualTo(FinishReason.CONTENT_FILTER);
		assertThat(FinishReason.of("content_filter")).isEqualTo(FinishReason.CONTENT_FILTER);
		assertThat(FinishReason.of("something_new")).isEqualTo(FinishReason.OTHER);
		assertThat(FinishReason.of("")).isNull();
		assertThat(FinishReason.of(null)).isNull();
	}

	@Test
	void anyCaseIsNormalized() {
		assertThat(FinishReason.of("End_Turn")).isEqualTo(FinishReason.STOP);
		assertThat(FinishReason.of("Tool_Calls")).isEqualTo(FinishReason.TOOL_CALLS);
	}

	@Test
	void normalizingAnUpperCaseReasonAllocatesNothing() {
		// Once per model call, and OpenAI's and Gemini's reasons come in upper case.
		assertThat(AllocatedBytes.perRun(1_000, () -> FinishReason.of("STOP"))).isZero();
		assertThat(AllocatedBytes.perRun(1_000, () -> FinishReason.of("MAX_TOKENS"))).isZero();
	}

}
