package io.llmobs.test;

import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;

/**
 * Builds Spring AI OpenAI models talking to an {@link OpenAiCompatibleServer}, with
 * retries disabled.
 */
public final class OpenAiTestModels {

	/** Chat model id used unless a test asks for another. */
	public static final String DEFAULT_MODEL = "gpt-4o-mini";

	/** Embedding model id used unless a test asks for another. */
	public static final String DEFAULT_EMBEDDING_MODEL = "text-embedding-3-small";

	/** API key sent as {@code Authorization: Bearer test-key}. */
	public static final String API_KEY = "test-key";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private OpenAiTestModels() {
	}

	/**
	 * Chat options pointing at {@code server}: default model, max retries 0, 10 s
	 * timeout.
	 */
	public static OpenAiChatOptions.Builder chatOptions(OpenAiCompatibleServer server) {
		return OpenAiChatOptions.builder()
			.baseUrl(server.baseUrl())
			.apiKey(API_KEY)
			.model(DEFAULT_MODEL)
			.maxRetries(0)
			.timeout(TIMEOUT);
	}

	/** A chat model on {@code server} with the default options and the given registry. */
	public static OpenAiChatModel chatModel(OpenAiCompatibleServer server, ObservationRegistry observationRegistry) {
		return chatModel(chatOptions(server).build(), observationRegistry);
	}

	/**
	 * A chat model with the given options (start from {@link #chatOptions}) and registry.
	 */
	public static OpenAiChatModel chatModel(OpenAiChatOptions options, ObservationRegistry observationRegistry) {
		return OpenAiChatModel.builder().options(options).observationRegistry(observationRegistry).build();
	}

	/** An embedding model on {@code server} with the given registry, max retries 0. */
	public static OpenAiEmbeddingModel embeddingModel(OpenAiCompatibleServer server,
			ObservationRegistry observationRegistry) {
		OpenAiEmbeddingOptions options = OpenAiEmbeddingOptions.builder()
			.baseUrl(server.baseUrl())
			.apiKey(API_KEY)
			.model(DEFAULT_EMBEDDING_MODEL)
			.maxRetries(0)
			.timeout(TIMEOUT)
			.build();
		return OpenAiEmbeddingModel.builder().options(options).observationRegistry(observationRegistry).build();
	}

}
