package io.llmobs.chat;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.util.ClassUtils;

/**
 * Maps Spring AI's provider names to the {@code gen_ai.provider.name} values of the
 * OpenTelemetry GenAI semantic conventions, used both as span attribute and as the
 * {@code provider} tag. Spring AI's OpenAI client calls OpenAI or Azure OpenAI
 * ({@code azure.ai.openai}), which its options tell; its Google GenAI client calls either
 * the Gemini API ({@code gcp.gemini}) or Vertex AI ({@code gcp.vertex_ai}), which only
 * its client knows.
 */
final class ProviderNames {

	static final String UNKNOWN = "unknown";

	private static final String GEMINI = "gcp.gemini";

	private static final String VERTEX_AI = "gcp.vertex_ai";

	private static final String GOOGLE_GENAI = "google_genai";

	private static final String OPENAI = "openai";

	private static final String AZURE_OPENAI = "azure.ai.openai";

	private static final boolean OPENAI_PRESENT = ClassUtils
		.isPresent("org.springframework.ai.openai.setup.OpenAiSetup", ProviderNames.class.getClassLoader());

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

	/**
	 * The name of a model call's provider: Spring AI reports its OpenAI client's calls to
	 * Azure OpenAI (Microsoft Foundry) as {@code openai}, which its options tell apart.
	 */
	String semconv(@Nullable String springAiProvider, @Nullable ChatOptions options) {
		if (OPENAI_PRESENT && OPENAI.equals(springAiProvider) && OpenAiEndpoints.isAzure(options)) {
			return AZURE_OPENAI;
		}
		return semconv(springAiProvider);
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
