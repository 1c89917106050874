package io.llmobs.openai;

import java.util.ArrayList;
import java.util.List;

import io.llmobs.chat.LlmObsAdvisor;
import io.llmobs.chat.ModelCallRetries;
import io.llmobs.core.InstrumentationErrors;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpContext;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import okhttp3.Interceptor;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.util.ClassUtils;

/**
 * The trace context and the retries of Spring AI's OpenAI and Anthropic clients (both on
 * OkHttp, both SDKs numbering their attempts alike), built once: hands out the handlers,
 * the stream advisor and the HTTP interceptors as the types Micrometer, Spring AI and
 * OkHttp take, so that the parts that correlate a stream's request with its model span
 * stay inside this package.
 */
public final class OpenAiInstrumentation {

	private final ObservationHandler<ChatModelObservationContext> modelSpans;

	private final LlmObsAdvisor correlationAdvisor;

	private final StreamModelSpans spans;

	private final InstrumentationErrors errors;

	private final TracingObservationHandler<OkHttpContext> requestTracingHandler;

	private final Interceptor correlationHeaderRemover = new CorrelationHeaderRemover();

	/**
	 * Creates the instrumentation.
	 * @param errors where failures inside llmobs are reported
	 * @param tracer the application's tracer
	 * @param propagator writes the trace context into the stream's request
	 */
	public OpenAiInstrumentation(InstrumentationErrors errors, Tracer tracer, Propagator propagator) {
		StreamModelSpans spans = new StreamModelSpans(clients(), errors);
		this.spans = spans;
		this.errors = errors;
		this.modelSpans = spans;
		this.correlationAdvisor = new StreamCorrelationAdvisor(spans, errors);
		this.requestTracingHandler = new StreamRequestTracingHandler(spans, tracer, propagator);
	}

	/** The headers of the clients on the class path, each read only when present. */
	private static List<RequestHeaders> clients() {
		ClassLoader loader = OpenAiInstrumentation.class.getClassLoader();
		List<RequestHeaders> clients = new ArrayList<>(2);
		if (ClassUtils.isPresent("org.springframework.ai.openai.OpenAiChatOptions", loader)) {
			clients.add(new OpenAiRequestHeaders());
		}
		if (ClassUtils.isPresent("org.springframework.ai.anthropic.AnthropicChatOptions", loader)) {
			clients.add(new AnthropicRequestHeaders());
		}
		return List.copyOf(clients);
	}

	/**
	 * Keeps the span of every streamed model call until its HTTP request is sent.
	 * @return the handler of model-call observations
	 */
	public ObservationHandler<ChatModelObservationContext> modelSpans() {
		return this.modelSpans;
	}

	/**
	 * Marks the request of a stream with the model span it belongs to; added to every
	 * instrumented builder.
	 * @return the advisor
	 */
	public LlmObsAdvisor correlationAdvisor() {
		return this.correlationAdvisor;
	}

	/**
	 * Starts the HTTP span of a stream's request as a child of its model span and
	 * propagates its context; must run before Micrometer Tracing's sender handler.
	 * @return the tracing handler of OkHttp observations
	 */
	public TracingObservationHandler<OkHttpContext> requestTracingHandler() {
		return this.requestTracingHandler;
	}

	/**
	 * Counts the retries that the OpenAI or Anthropic SDK makes of a model call's
	 * request; must run before the interceptor that takes the correlation mark off a
	 * stream's request.
	 * @param retries where retries are counted
	 * @param observationRegistry whose current observation is, or is inside, a plain
	 * model call
	 * @return the OkHttp interceptor
	 */
	public Interceptor retriedAttempts(ModelCallRetries retries, ObservationRegistry observationRegistry) {
		return new RetriedAttempts(retries, this.spans, observationRegistry, this.errors);
	}

	/**
	 * Takes the correlation mark off a request before it leaves the application.
	 * @return the OkHttp interceptor
	 */
	public Interceptor correlationHeaderRemover() {
		return this.correlationHeaderRemover;
	}

}
