package io.llmobs.openai;

import io.micrometer.core.instrument.binder.okhttp3.OkHttpContext;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Traces the HTTP request of a streamed OpenAI or Anthropic model call as a child of its
 * model span, so that the request carries the model call's trace context
 * ({@code traceparent}, {@code baggage}) as the request of a plain call does. Plain
 * calls, and every other HTTP request, are left to the application's sender tracing
 * handler.
 */
final class StreamRequestTracingHandler implements TracingObservationHandler<OkHttpContext> {

	private final StreamModelSpans spans;

	private final Tracer tracer;

	private final PropagatingSenderTracingObservationHandler<OkHttpContext> sender;

	/**
	 * Creates the handler.
	 * @param spans where the model spans are found by correlation id
	 * @param tracer the tracer
	 * @param propagator writes the trace context into the request
	 */
	StreamRequestTracingHandler(StreamModelSpans spans, Tracer tracer, Propagator propagator) {
		this.spans = spans;
		this.tracer = tracer;
		this.sender = new PropagatingSenderTracingObservationHandler<>(tracer, propagator);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof OkHttpContext http && correlationId(http) != null;
	}

	/**
	 * Starts the HTTP span with the model span current: it becomes the parent, and its
	 * baggage is sent along. The correlation id is taken off the request here too, for
	 * clients built without the customizer that removes it; the model call stays on the
	 * request as a tag.
	 */
	@Override
	public void onStart(OkHttpContext context) {
		String id = correlationId(context);
		context.getCarrier().removeHeader(StreamModelSpans.HEADER);
		ChatModelObservationContext call = (id != null) ? this.spans.context(id) : null;
		if (call != null) {
			// for the interceptors after the header is gone: a tag is never sent
			context.getCarrier().tag(ChatModelObservationContext.class, call);
		}
		Span model = (id != null) ? this.spans.span(id) : null;
		if (model == null) {
			this.sender.onStart(context);
			return;
		}
		try (Tracer.SpanInScope scope = this.tracer.withSpan(model)) {
			this.sender.onStart(context);
		}
	}

	@Override
	public void onError(OkHttpContext context) {
		this.sender.onError(context);
	}

	@Override
	public void onStop(OkHttpContext context) {
		this.sender.onStop(context);
	}

	@Override
	public Tracer getTracer() {
		return this.tracer;
	}

	private static @Nullable String correlationId(OkHttpContext context) {
		return context.getOriginalRequest().header(StreamModelSpans.HEADER);
	}

}
