package io.llmobs.benchmark;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * As many observation handlers and filters as llmobs registers, of as many classes and for the same kinds of
 * observation, each doing nothing: the variant {@code no-op-observers} of the per-call tools (llmobs off, these on)
 * measures what Micrometer's dispatch to that many more handlers and filters costs a call by itself, apart from what
 * they do.
 */
@Configuration(proxyBeanMethods = false)
class NoOpObservers {

	static final String VARIANT = "no-op-observers";

	@Bean
	ObservationHandler<ChatClientObservationContext> noOpChatClientMetrics() {
		return new ChatClientHandler();
	}

	@Bean
	ObservationHandler<ChatClientObservationContext> noOpFeedback() {
		return new ChatClientHandler() {
		};
	}

	@Bean
	ObservationHandler<ChatClientObservationContext> noOpPrompts() {
		return new ChatClientHandler() {
		};
	}

	@Bean
	ObservationHandler<ChatModelObservationContext> noOpChatModelMetrics() {
		return new ChatModelHandler();
	}

	@Bean
	ObservationHandler<ChatModelObservationContext> noOpContext() {
		return new ChatModelHandler() {
		};
	}

	@Bean
	ObservationHandler<ChatModelObservationContext> noOpPii() {
		return new ChatModelHandler() {
		};
	}

	@Bean
	ObservationHandler<EmbeddingModelObservationContext> noOpEmbeddingMetrics() {
		return new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof EmbeddingModelObservationContext;
			}

		};
	}

	@Bean
	ObservationHandler<Observation.Context> noOpConversations() {
		return new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		};
	}

	@Bean
	ObservationFilter noOpChatSpans() {
		return (context) -> context;
	}

	@Bean
	ObservationFilter noOpContextSpans() {
		return (context) -> (context instanceof ChatModelObservationContext) ? context : context;
	}

	@Bean
	ObservationFilter noOpPromptSpans() {
		return (context) -> (context instanceof ChatClientObservationContext) ? context : context;
	}

	@Bean
	ObservationFilter noOpConversationSpans() {
		return (context) -> context;
	}

	@Bean
	ObservationFilter noOpToolSpans() {
		return (context) -> context;
	}

	@Bean
	ObservationFilter noOpRedaction() {
		return (context) -> context;
	}

	@Bean
	ObservationFilter noOpCapture() {
		return (context) -> context;
	}

	/** Takes part in {@code ChatClient} observations, doing nothing. */
	private static class ChatClientHandler implements ObservationHandler<ChatClientObservationContext> {

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ChatClientObservationContext;
		}

	}

	/** Takes part in model observations, doing nothing. */
	private static class ChatModelHandler implements ObservationHandler<ChatModelObservationContext> {

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ChatModelObservationContext;
		}

	}

}
