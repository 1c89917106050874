package io.llmobs.chat;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Maps Spring AI's provider names to the {@code gen_ai.provider.name} values of the
 * OpenTelemetry GenAI semantic conventions, used both as span attribute and as the
 * {@code provider} tag.
 */
final class ProviderNames {

	static final String UNKNOWN = "unknown";

	private static final Map<String, String> SEMCONV = Map.of("bedrock_converse", "aws.bedrock", "google_genai",
			"gcp.gen_ai", "vertex_ai", "gcp.vertex_ai", "azure_openai", "azure.ai.openai");

	private ProviderNames() {
	}

	static String semconv(@Nullable String springAiProvider) {
		if (springAiProvider == null || springAiProvider.isBlank()) {
			return UNKNOWN;
		}
		return SEMCONV.getOrDefault(springAiProvider, springAiProvider);
	}

	/**
	 * Whether the provider's prompt-token count leaves out the tokens read from or
	 * written to its prompt cache (Anthropic reports them beside {@code input_tokens},
	 * OpenAI inside {@code prompt_tokens}).
	 */
	static boolean reportsCacheOutsideInput(String semconvProvider) {
		return "anthropic".equals(semconvProvider) || "aws.bedrock".equals(semconvProvider);
	}

}
