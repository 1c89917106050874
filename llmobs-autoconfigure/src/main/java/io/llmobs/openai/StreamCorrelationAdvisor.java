package io.llmobs.openai;

import io.llmobs.chat.ChatComponents;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.chat.LlmObsAdvisor;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.core.Ordered;

/**
 * Gives the request of every streamed OpenAI or Anthropic model call of an instrumented
 * {@code ChatClient} a correlation id ({@link StreamModelSpans#HEADER}), by which its
 * HTTP span finds the model span it belongs to.
 */
final class StreamCorrelationAdvisor implements StreamAdvisor, LlmObsAdvisor {

	/**
	 * Next to the model call, inside the tool loop, so that every round trip gets an id
	 * of its own.
	 */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	private static final String NAME = "llmobs-stream-correlation";

	private final StreamModelSpans spans;

	private final InstrumentationErrors errors;

	/**
	 * Creates the advisor.
	 * @param spans where the model spans are found by correlation id
	 * @param errors where failures inside llmobs are reported
	 */
	StreamCorrelationAdvisor(StreamModelSpans spans, InstrumentationErrors errors) {
		this.spans = spans;
		this.errors = errors.register(ChatComponents.CHAT_CLIENT);
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return chain.nextStream(correlated(request));
	}

	private ChatClientRequest correlated(ChatClientRequest request) {
		return this.errors.call(ChatComponents.CHAT_CLIENT, this.spans, request, StreamCorrelationAdvisor::correlate,
				request);
	}

	private static ChatClientRequest correlate(StreamModelSpans spans, ChatClientRequest request) {
		Prompt prompt = request.prompt();
		ChatOptions options = prompt.getOptions();
		ChatOptions correlated = (options != null) ? spans.correlated(options) : null;
		return (correlated != null) ? request.mutate().prompt(prompt.mutate().chatOptions(correlated).build()).build()
				: request;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
