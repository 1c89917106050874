package io.llmobs.chat;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Maps Spring AI's provider names to the {@code gen_ai.provider.name} values of the
 * OpenTelemetry GenAI semantic conventions, used both as span attribute and as the
 * {@code provider} tag. Spring AI's Google GenAI client calls either the Gemini API
 * ({@code gcp.gemini}) or Vertex AI ({@code gcp.vertex_ai}), which only its client knows.
 */
final class ProviderNames {

	static final String UNKNOWN = "unknown";

	private static final String GEMINI = "gcp.gemini";

	private static final String VERTEX_AI = "gcp.vertex_ai";

	private static final String GOOGLE_GENAI = "google_genai";

	private static final Map<String, String> SEMCONV = Map.of("bedrock_converse", "aws.bedrock", "vertex_ai", VERTEX_AI,
			"azure_openai", "azure.ai.openai");

	private final BooleanSupplier googleGenAiVertexAi;

	private volatile @Nullable String googleGenAi;

	/**
	 * Creates the names.
	 * @param googleGenAiVertexAi whether Spring AI's Google GenAI client calls Vertex AI;
	 * asked once, at its first call
	 */
	ProviderNames(BooleanSupplier googleGenAiVertexAi) {
		this.googleGenAiVertexAi = googleGenAiVertexAi;
	}

	String semconv(@Nullable String springAiProvider) {
		if (springAiProvider == null || springAiProvider.isBlank()) {
			return UNKNOWN;
		}
		if (GOOGLE_GENAI.equals(springAiProvider)) {
			return googleGenAi();
		}
		return SEMCONV.getOrDefault(springAiProvider, springAiProvider);
	}

	private String googleGenAi() {
		String name = this.googleGenAi;
		if (name == null) {
			name = this.googleGenAiVertexAi.getAsBoolean() ? VERTEX_AI : GEMINI;
			this.googleGenAi = name;
		}
		return name;
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
