package io.llmobs.openai;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.llmobs.chat.ChatComponents;
import io.llmobs.core.InstrumentationErrors;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * The model spans of the OpenAI streams in flight, by the correlation id that their HTTP
 * request carries in the {@value #HEADER} header, from the start of the model observation
 * to its stop.
 * <p>
 * The OpenAI SDK sends a streamed request from a thread of its own, where neither the
 * model observation nor any other trace context is current; the correlation id is what
 * leads from that request back to its model span.
 */
final class StreamModelSpans implements ObservationHandler<ChatModelObservationContext> {

	/** The request header that carries the correlation id; never sent to the provider. */
	public static final String HEADER = "x-llmobs-stream-id";

	private final AtomicLong ids = new AtomicLong();

	private final Map<String, ChatModelObservationContext> inFlight = new ConcurrentHashMap<>();

	private final InstrumentationErrors errors;

	/**
	 * Creates the table.
	 * @param errors where failures inside llmobs are reported
	 */
	StreamModelSpans(InstrumentationErrors errors) {
		this.errors = errors.register(ChatComponents.CHAT_CLIENT);
	}

	/**
	 * A correlation id for a streamed request, unique in this application.
	 * @return the id
	 */
	String nextId() {
		return Long.toString(this.ids.incrementAndGet(), Character.MAX_RADIX);
	}

	/**
	 * The span of the model call whose request carries the correlation id.
	 * @param id the correlation id
	 * @return the model span, or {@code null} when its call is not in flight or has no
	 * span
	 */
	@Nullable Span span(String id) {
		ChatModelObservationContext context = context(id);
		if (context == null) {
			return null;
		}
		TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
		return (tracing != null) ? tracing.getSpan() : null;
	}

	/**
	 * The model call whose request carries the correlation id.
	 * @param id the correlation id
	 * @return the model call's observation context, or {@code null} when it is not in
	 * flight
	 */
	@Nullable ChatModelObservationContext context(String id) {
		return this.inFlight.get(id);
	}

	@Override
	public void onStart(ChatModelObservationContext context) {
		this.errors.run(ChatComponents.CHAT_CLIENT, this.inFlight, context, StreamModelSpans::enter);
	}

	@Override
	public void onStop(ChatModelObservationContext context) {
		this.errors.run(ChatComponents.CHAT_CLIENT, this.inFlight, context, StreamModelSpans::leave);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext model && model.isStreaming();
	}

	/** How many streams are in flight, for tests. */
	int inFlight() {
		return this.inFlight.size();
	}

	private static void enter(Map<String, ChatModelObservationContext> inFlight, ChatModelObservationContext context) {
		String id = correlationId(context);
		if (id != null) {
			inFlight.put(id, context);
		}
	}

	private static void leave(Map<String, ChatModelObservationContext> inFlight, ChatModelObservationContext context) {
		String id = correlationId(context);
		if (id != null) {
			inFlight.remove(id, context);
		}
	}

	private static @Nullable String correlationId(ChatModelObservationContext context) {
		ChatOptions options = context.getRequest().getOptions();
		Map<String, String> headers = (options instanceof OpenAiChatOptions openAi) ? openAi.getCustomHeaders() : null;
		return (headers != null) ? headers.get(HEADER) : null;
	}

}
