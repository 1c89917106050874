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
 * A {@link ChatModel} that answers from memory but observes each call the way a provider
 * model does ({@code OpenAiChatModel#internalCall}): a {@code CHAT_MODEL_OPERATION}
 * observation around the call, with the response, its model and its usage set on the
 * {@link ChatModelObservationContext}. Without the HTTP client's own work, what llmobs
 * adds to a call can be timed and counted to the byte: the model of the request-path
 * benchmarks of both Spring lines and of the tests that guard the request path's
 * allocation.
 */
public final class InMemoryChatModel extends DefaultOptionsChatModel {

	/** The provider the model observes its calls as. */
	public static final String PROVIDER = "openai";

	/**
	 * The model of its default options, which a {@code ChatClient} puts in each request.
	 */
	public static final String REQUEST_MODEL = "gpt-4o-mini";

	/** The model of each response, priced by the bundled catalog. */
	public static final String RESPONSE_MODEL = "gpt-4o-mini-2024-07-18";

	private static final DefaultChatModelObservationConvention CONVENTION = new DefaultChatModelObservationConvention();

	private final ObservationRegistry observationRegistry;

	public InMemoryChatModel(ObservationRegistry observationRegistry) {
		super(ChatOptions.builder().model(REQUEST_MODEL).build());
		this.observationRegistry = observationRegistry;
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(prompt)
			.provider(PROVIDER)
			.build();
		return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
			.observation(null, CONVENTION, () -> context, this.observationRegistry)
			.observe(() -> {
				// What a provider model builds from its HTTP response, per call.
				Generation generation = new Generation(new AssistantMessage("Shipping to Berlin costs 12 EUR."),
						ChatGenerationMetadata.builder().finishReason("STOP").build());
				ChatResponseMetadata metadata = ChatResponseMetadata.builder()
					.id("chatcmpl-in-memory")
					.model(RESPONSE_MODEL)
					.usage(new DefaultUsage(1200, 300))
					.build();
				ChatResponse response = new ChatResponse(List.of(generation), metadata);
				context.setResponse(response);
				return response;
			});
	}

}
