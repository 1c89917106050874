package io.llmobs.chat;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.llmobs.core.BoundedTags;
import io.llmobs.core.CallAttributionResolver;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.cost.CostTotals;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.cost.UnpricedModelWarnings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;

/**
 * The chat-call instrumentation, built once from its collaborators: hands out its
 * observation handlers, span filter and stream advisor as the types Micrometer and Spring
 * AI take, so that its internals stay inside this package. Every part shares the same
 * meters, model-call accounting and call recorder.
 */
public final class ChatInstrumentation {

	private final ModelCallAccounting modelCalls;

	private final ObservationHandler<ChatModelObservationContext> modelMetricsHandler;

	private final ObservationHandler<EmbeddingModelObservationContext> embeddingMetricsHandler;

	private final ModelCallRetries retries;

	private final InstrumentationErrors errors;

	private final ObservationFilter spanEnricher;

	private final ObservationHandler<ChatClientObservationContext> callMetricsHandler;

	private final LlmObsAdvisor streamAdvisor;

	/**
	 * Creates the instrumentation.
	 * @param catalog prices of the models
	 * @param tags bounded tag values
	 * @param attributionResolver resolves stage and tenant
	 * @param costTotals running totals for the endpoint
	 * @param unpricedWarnings warnings about models without a price
	 * @param errors where failures inside llmobs are reported
	 * @param meterRegistry where the chat meters are registered
	 * @param listeners who is told of every call that ended; asked once, at the first
	 * call that ends, so that they may depend on beans that are created after the
	 * observation handlers
	 * @param promptTags whether {@code llmobs.chat}, {@code llmobs.tokens} and
	 * {@code llmobs.cost} carry the prompt tags that the prompt feature leaves on each
	 * {@code ChatClient} call
	 * @param googleGenAiVertexAi whether Spring AI's Google GenAI client calls Vertex AI
	 * ({@code gcp.vertex_ai}) rather than the Gemini API ({@code gcp.gemini}); asked
	 * once, at its first call
	 */
	public ChatInstrumentation(ModelCatalog catalog, BoundedTags tags, CallAttributionResolver attributionResolver,
			CostTotals costTotals, UnpricedModelWarnings unpricedWarnings, InstrumentationErrors errors,
			MeterRegistry meterRegistry, Supplier<List<ChatCallListener>> listeners, boolean promptTags,
			BooleanSupplier googleGenAiVertexAi) {
		ChatMeters meters = new ChatMeters(meterRegistry);
		CallPromptLookup prompts = new CallPromptLookup(promptTags);
		ProviderNames providerNames = new ProviderNames(googleGenAiVertexAi);
		this.modelCalls = new ModelCallAccounting(catalog, tags.models(), attributionResolver, prompts, providerNames);
		this.retries = new ModelCallRetries(meterRegistry, tags.models(), providerNames);
		this.errors = errors;
		ChatModelMetricsHandler modelMetrics = new ChatModelMetricsHandler(this.modelCalls, meters, costTotals,
				unpricedWarnings, errors);
		this.modelMetricsHandler = modelMetrics;
		this.embeddingMetricsHandler = new EmbeddingModelMetricsHandler(this.modelCalls, modelMetrics, errors);
		this.spanEnricher = new ChatSpanEnricher(this.modelCalls, errors);
		ChatCallRecorder recorder = new ChatCallRecorder(attributionResolver, tags.models(), meters,
				new GenAiConventions(meterRegistry), errors, meterRegistry.config().clock(), listeners, prompts);
		this.callMetricsHandler = new ChatClientMetricsHandler(recorder);
		this.streamAdvisor = new ChatClientStreamAdvisor(recorder);
	}

	/**
	 * The accounting of model calls, shared with the features that observe model calls
	 * too (context, judge).
	 * @return the accounting
	 */
	public ModelCallAccounting modelCalls() {
		return this.modelCalls;
	}

	/**
	 * Records tokens, cost and finish reasons of every model call.
	 * @return the handler of model-call observations
	 */
	public ObservationHandler<ChatModelObservationContext> modelMetricsHandler() {
		return this.modelMetricsHandler;
	}

	/**
	 * Records the input tokens and cost of every embedding call.
	 * @return the handler of embedding-call observations
	 */
	public ObservationHandler<EmbeddingModelObservationContext> embeddingMetricsHandler() {
		return this.embeddingMetricsHandler;
	}

	/**
	 * Counts the retries of model calls, for the clients whose retries llmobs sees.
	 * @return the retry counter
	 */
	public ModelCallRetries retries() {
		return this.retries;
	}

	/**
	 * Whether a bean is a {@code RetryTemplate} of the Spring AI line in use, whose
	 * retries {@link #countRetries} counts.
	 * @param bean any bean
	 * @return whether it is one
	 */
	public static boolean isRetryTemplate(Object bean) {
		return SpringAiRetryListener.isRetryTemplate(bean);
	}

	/**
	 * Counts the retries of a Spring AI {@code RetryTemplate}, which the model clients
	 * use.
	 * @param template the template, one that {@link #isRetryTemplate} accepts
	 * @param observationRegistry whose current observation is, or is inside, the retried
	 * model call
	 */
	public void countRetries(Object template, ObservationRegistry observationRegistry) {
		SpringAiRetryListener.addTo(template, new SpringAiRetries(this.retries, observationRegistry, this.errors));
	}

	/**
	 * Adds llmobs attributes to Spring AI's chat spans.
	 * @return the filter
	 */
	public ObservationFilter spanEnricher() {
		return this.spanEnricher;
	}

	/**
	 * Attributes every {@code ChatClient} call and records {@code llmobs.chat} for
	 * {@code call()}.
	 * @return the handler of {@code ChatClient} observations
	 */
	public ObservationHandler<ChatClientObservationContext> callMetricsHandler() {
		return this.callMetricsHandler;
	}

	/**
	 * Records {@code llmobs.chat} and {@code llmobs.chat.ttft} of streams; added to every
	 * instrumented builder.
	 * @return the advisor
	 */
	public LlmObsAdvisor streamAdvisor() {
		return this.streamAdvisor;
	}

}
