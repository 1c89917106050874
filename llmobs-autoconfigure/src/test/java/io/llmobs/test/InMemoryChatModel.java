package io.llmobs.test;

import java.util.List;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A {@link ChatModel} that answers from memory but observes each call as a provider model
 * does ({@code OpenAiChatModel#internalCall}), the model of the request-path benchmarks:
 * without the HTTP client's own work, what llmobs adds to a call can be counted to the
 * byte.
 */
public final class InMemoryChatModel implements ChatModel {

	private static final DefaultChatModelObservationConvention CONVENTION = new DefaultChatModelObservationConvention();

	private final ObservationRegistry observationRegistry;

	private final ChatOptions options = ChatOptions.builder().model("gpt-4o-mini").build();

	public InMemoryChatModel(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	@Override
	public ChatOptions getOptions() {
		return this.options;
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(prompt)
			.provider("openai")
			.build();
		return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
			.observation(null, CONVENTION, () -> context, this.observationRegistry)
			.observe(() -> {
				// What a provider model builds from its HTTP response, per call.
				Generation generation = new Generation(new AssistantMessage("Shipping to Berlin costs 12 EUR."),
						ChatGenerationMetadata.builder().finishReason("STOP").build());
				ChatResponseMetadata metadata = ChatResponseMetadata.builder()
					.id("chatcmpl-in-memory")
					.model("gpt-4o-mini-2024-07-18")
					.usage(new DefaultUsage(1200, 300))
					.build();
				ChatResponse response = new ChatResponse(List.of(generation), metadata);
				context.setResponse(response);
				return response;
			});
	}

}
