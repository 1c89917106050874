package io.llmobs.chat;

import java.util.concurrent.atomic.AtomicInteger;

import io.llmobs.cost.TokenUsage;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.google.genai.metadata.GoogleGenAiUsage;

import static org.assertj.core.api.Assertions.assertThat;

class TokenUsagesTests {

	@Test
	void openAiPromptTokensAlreadyIncludeCachedTokens() {
		DefaultUsage usage = new DefaultUsage(1_000, 200, 1_200, null, 600L, null);
		assertThat(TokenUsages.from(usage, "openai")).isEqualTo(new TokenUsage(1_000, 200, 600, 0, 0));
	}

	@Test
	void anthropicCacheTokensAreAddedToItsInputTokens() {
		// Anthropic reports input_tokens beside cache_read_input_tokens and
		// cache_creation_input_tokens
		DefaultUsage usage = new DefaultUsage(100, 50, 150, null, 2_000L, 300L);
		TokenUsage normalized = TokenUsages.from(usage, "anthropic");
		assertThat(normalized).isEqualTo(new TokenUsage(2_400, 50, 2_000, 300, 0));
		assertThat(normalized.uncachedInput()).isEqualTo(100);
	}

	@Test
	void bedrockConverseIsNormalizedLikeAnthropic() {
		DefaultUsage usage = new DefaultUsage(100, 50, 150, null, 1_000L, null);
		assertThat(TokenUsages.from(usage, "aws.bedrock").input()).isEqualTo(1_100);
	}

	@Test
	void missingUsageIsEmpty() {
		assertThat(TokenUsages.from(new EmptyUsage(), "openai").isEmpty()).isTrue();
		assertThat(TokenUsages.from(null, "openai")).isEqualTo(TokenUsage.NONE);
	}

	@Test
	void geminiThoughtsAreOutputAndReasoningTokens() {
		// Gemini reports candidatesTokenCount without the thoughts, and bills both as
		// output; its promptTokenCount includes the cached tokens
		GoogleGenAiUsage usage = new GoogleGenAiUsage(1_000, 440, 1_728, 288, 600, null, null, null, null, null, null,
				null);
		assertThat(TokenUsages.from(usage, "gcp.gemini")).isEqualTo(new TokenUsage(1_000, 728, 600, 0, 288));
	}

	@Test
	void providerNamesFollowTheSemanticConventions() {
		ProviderNames names = new ProviderNames(() -> false);
		assertThat(names.semconv("bedrock_converse")).isEqualTo("aws.bedrock");
		assertThat(names.semconv("google_genai")).isEqualTo("gcp.gemini");
		assertThat(names.semconv("vertex_ai")).isEqualTo("gcp.vertex_ai");
		assertThat(names.semconv("openai")).isEqualTo("openai");
		assertThat(names.semconv("anthropic")).isEqualTo("anthropic");
		assertThat(names.semconv("mistral_ai")).isEqualTo("mistral_ai");
		assertThat(names.semconv(null)).isEqualTo("unknown");
	}

	@Test
	void googleGenAiOnVertexAiIsVertexAi() {
		AtomicInteger asked = new AtomicInteger();
		ProviderNames names = new ProviderNames(() -> asked.incrementAndGet() > 0);
		assertThat(names.semconv("google_genai")).isEqualTo("gcp.vertex_ai");
		assertThat(names.semconv("google_genai")).isEqualTo("gcp.vertex_ai");
		assertThat(asked).hasValue(1);
	}

}
