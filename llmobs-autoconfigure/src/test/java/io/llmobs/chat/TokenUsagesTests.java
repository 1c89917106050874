package io.llmobs.chat;

import io.llmobs.cost.TokenUsage;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;

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
		TokenUsage normalized = TokenUsages.from(usage, ProviderNames.semconv("anthropic"));
		assertThat(normalized).isEqualTo(new TokenUsage(2_400, 50, 2_000, 300, 0));
		assertThat(normalized.uncachedInput()).isEqualTo(100);
	}

	@Test
	void bedrockConverseIsNormalizedLikeAnthropic() {
		DefaultUsage usage = new DefaultUsage(100, 50, 150, null, 1_000L, null);
		assertThat(TokenUsages.from(usage, ProviderNames.semconv("bedrock_converse")).input()).isEqualTo(1_100);
	}

	@Test
	void missingUsageIsEmpty() {
		assertThat(TokenUsages.from(new EmptyUsage(), "openai").isEmpty()).isTrue();
		assertThat(TokenUsages.from(null, "openai")).isEqualTo(TokenUsage.NONE);
	}

	@Test
	void providerNamesFollowTheSemanticConventions() {
		assertThat(ProviderNames.semconv("bedrock_converse")).isEqualTo("aws.bedrock");
		assertThat(ProviderNames.semconv("google_genai")).isEqualTo("gcp.gen_ai");
		assertThat(ProviderNames.semconv("vertex_ai")).isEqualTo("gcp.vertex_ai");
		assertThat(ProviderNames.semconv("openai")).isEqualTo("openai");
		assertThat(ProviderNames.semconv(null)).isEqualTo("unknown");
	}

}
