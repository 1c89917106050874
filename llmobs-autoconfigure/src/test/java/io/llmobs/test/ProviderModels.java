package io.llmobs.test;

import java.time.Duration;

import com.anthropic.models.messages.Model;
import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.google.genai.GoogleGenAiChatModel;
import org.springframework.ai.google.genai.GoogleGenAiChatOptions;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds Spring AI's real chat models of each provider, pointed at the local server that
 * speaks its wire, without retries and with a short time-out.
 */
public final class ProviderModels {

	/** How long a client waits for an answer before it times out. */
	public static final Duration TIMEOUT = Duration.ofSeconds(2);

	private static final RetryTemplate NO_RETRY = new RetryTemplate(RetryPolicy.builder().maxRetries(0).build());

	private ProviderModels() {
	}

	/** Spring AI's Anthropic client on {@code server}, the official Anthropic SDK. */
	public static ChatModel anthropic(AnthropicCompatibleServer server, String model,
			ObservationRegistry observationRegistry) {
		AnthropicChatOptions options = AnthropicChatOptions.builder()
			.baseUrl(server.rootUrl())
			.apiKey("test-key")
			.model(Model.of(model))
			.maxTokens(1024)
			.maxRetries(0)
			.timeout(TIMEOUT)
			.build();
		return AnthropicChatModel.builder().options(options).observationRegistry(observationRegistry).build();
	}

	/**
	 * Spring AI's Google GenAI client on {@code server}: the Google GenAI SDK's client
	 * with the server as its base URL, which is what the SDK's
	 * {@code GOOGLE_GEMINI_BASE_URL} environment variable sets.
	 */
	public static ChatModel gemini(GeminiCompatibleServer server, String model,
			ObservationRegistry observationRegistry) {
		Client client = Client.builder()
			.apiKey("test-key")
			.httpOptions(HttpOptions.builder()
				.baseUrl(server.rootUrl())
				.timeout((int) TIMEOUT.toMillis())
				.retryOptions(HttpRetryOptions.builder().attempts(1).build())
				.build())
			.build();
		return GoogleGenAiChatModel.builder()
			.genAiClient(client)
			.options(GoogleGenAiChatOptions.builder().model(model).build())
			.retryTemplate(NO_RETRY)
			.observationRegistry(observationRegistry)
			.build();
	}

	/** Spring AI's Ollama client on {@code server}. */
	public static ChatModel ollama(OllamaCompatibleServer server, String model,
			ObservationRegistry observationRegistry) {
		return ollama(server, model, observationRegistry, NO_RETRY);
	}

	/** Spring AI's Ollama client on {@code server}, retrying as the template says. */
	public static ChatModel ollama(OllamaCompatibleServer server, String model, ObservationRegistry observationRegistry,
			RetryTemplate retryTemplate) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setReadTimeout(TIMEOUT);
		JdkClientHttpConnector streams = new JdkClientHttpConnector();
		streams.setReadTimeout(TIMEOUT);
		OllamaApi api = OllamaApi.builder()
			.baseUrl(server.rootUrl())
			.restClientBuilder(RestClient.builder().requestFactory(requests))
			.webClientBuilder(WebClient.builder().clientConnector(streams))
			.build();
		return OllamaChatModel.builder()
			.ollamaApi(api)
			.options(OllamaChatOptions.builder().model(model).build())
			.retryTemplate(retryTemplate)
			.observationRegistry(observationRegistry)
			.build();
	}

}
