package io.llmobs.openai;

import java.util.HashMap;
import java.util.List;
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

/**
 * The model spans of the OpenAI and Anthropic streams in flight, by the correlation id
 * that their HTTP request carries in the {@value #HEADER} header, from the start of the
 * model observation to its stop.
 * <p>
 * The OpenAI and Anthropic SDKs send a streamed request from a thread of their own, where
 * neither the model observation nor any other trace context is current; the correlation
 * id is what leads from that request back to its model span.
 */
final class StreamModelSpans implements ObservationHandler<ChatModelObservationContext> {

	/** The request header that carries the correlation id; never sent to the provider. */
	public static final String HEADER = "x-llmobs-stream-id";

	private final AtomicLong ids = new AtomicLong();

	private final Map<String, ChatModelObservationContext> inFlight = new ConcurrentHashMap<>();

	private final List<RequestHeaders> clients;

	private final InstrumentationErrors errors;

	/**
	 * Creates the table.
	 * @param clients the headers of the clients whose streams are followed
	 * @param errors where failures inside llmobs are reported
	 */
	StreamModelSpans(List<RequestHeaders> clients, InstrumentationErrors errors) {
		this.clients = clients;
		this.errors = errors.register(ChatComponents.CHAT_CLIENT);
	}

	/**
	 * A copy of a streamed model call's options whose request carries a correlation id,
	 * unique in this application.
	 * @param options the model call's options
	 * @return the copy, or {@code null} when the options are of no followed client
	 */
	@Nullable ChatOptions correlated(ChatOptions options) {
		for (RequestHeaders client : this.clients) {
			Map<String, String> present = client.of(options);
			if (present != null) {
				Map<String, String> headers = new HashMap<>(present);
				headers.put(HEADER, Long.toString(this.ids.incrementAndGet(), Character.MAX_RADIX));
				return client.with(options, headers);
			}
		}
		return null;
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
		this.errors.run(ChatComponents.CHAT_CLIENT, this, context, StreamModelSpans::enter);
	}

	@Override
	public void onStop(ChatModelObservationContext context) {
		this.errors.run(ChatComponents.CHAT_CLIENT, this, context, StreamModelSpans::leave);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext model && model.isStreaming();
	}

	/** How many streams are in flight, for tests. */
	int inFlight() {
		return this.inFlight.size();
	}

	private void enter(ChatModelObservationContext context) {
		String id = correlationId(context);
		if (id != null) {
			this.inFlight.put(id, context);
		}
	}

	private void leave(ChatModelObservationContext context) {
		String id = correlationId(context);
		if (id != null) {
			this.inFlight.remove(id, context);
		}
	}

	private @Nullable String correlationId(ChatModelObservationContext context) {
		ChatOptions options = context.getRequest().getOptions();
		if (options == null) {
			return null;
		}
		for (RequestHeaders client : this.clients) {
			Map<String, String> headers = client.of(options);
			if (headers != null) {
				return headers.get(HEADER);
			}
		}
		return null;
	}

}
