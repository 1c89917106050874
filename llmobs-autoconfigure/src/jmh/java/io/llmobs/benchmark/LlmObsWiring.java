package io.llmobs.benchmark;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.llmobs.chat.BoundedTagValues;
import io.llmobs.chat.BoundedTags;
import io.llmobs.chat.CallAttributionResolver;
import io.llmobs.chat.ChatCallListener;
import io.llmobs.chat.ChatCallRecorder;
import io.llmobs.chat.ChatClientMetricsHandler;
import io.llmobs.chat.ChatClientStreamAdvisor;
import io.llmobs.chat.ChatMeters;
import io.llmobs.chat.ChatModelMetricsHandler;
import io.llmobs.chat.ChatSpanEnricher;
import io.llmobs.chat.InstrumentationErrors;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.context.ContextAccountant;
import io.llmobs.context.ContextCalibration;
import io.llmobs.context.ContextMeters;
import io.llmobs.context.ContextObservationHandler;
import io.llmobs.context.ContextSpanEnricher;
import io.llmobs.context.TokenCounter;
import io.llmobs.cost.CostTotals;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.cost.ModelCatalogReader;
import io.llmobs.cost.UnpricedModelWarnings;
import io.llmobs.feedback.FeedbackObservationHandler;
import io.llmobs.feedback.Interactions;
import io.llmobs.prompt.PromptIdentityResolver;
import io.llmobs.prompt.PromptInventory;
import io.llmobs.prompt.PromptObservationHandler;
import io.llmobs.prompt.PromptRegistry;
import io.llmobs.prompt.PromptRenders;
import io.llmobs.prompt.PromptSpanEnricher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.template.st.StTemplateRenderer;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Wires llmobs into plain registries the way {@code LlmObsChatAutoConfiguration},
 * {@code LlmObsContextAutoConfiguration}, {@code LlmObsPromptAutoConfiguration} and
 * {@code LlmObsFeedbackAutoConfiguration} do, with the default properties (an empty prompt registry).
 */
final class LlmObsWiring {

	/** {@code llmobs.context.cache.max-size}. */
	static final long CACHE_MAX_SIZE = 10_000;

	/** {@code llmobs.context.cache.expire-after-access}. */
	static final Duration CACHE_EXPIRE_AFTER_ACCESS = Duration.ofMinutes(10);

	/** {@code llmobs.context.tokenizer.queue-capacity}. */
	static final int TOKENIZER_QUEUE_CAPACITY = 1_000;

	/** {@code llmobs.context.calibration.smoothing}. */
	static final double CALIBRATION_SMOOTHING = 0.2;

	/** {@code llmobs.context.warn-ratio}. */
	static final double WARN_RATIO = 0.8;

	private LlmObsWiring() {
	}

	/**
	 * Registers the llmobs handlers and filters, context accounting included (on by default).
	 * @return the stream advisor to add to the client and the token counter to close at the end
	 */
	static Instrumentation instrument(ObservationRegistry observations, MeterRegistry meters) {
		return instrument(observations, meters, List.of());
	}

	/**
	 * Registers the llmobs handlers and filters, context accounting included, and the listeners of ended calls.
	 * @return the stream advisor to add to the client and the token counter to close at the end
	 */
	static Instrumentation instrument(ObservationRegistry observations, MeterRegistry meters,
			List<ChatCallListener> listeners) {
		InstrumentationErrors errors = new InstrumentationErrors(meters);
		BoundedTags tags = new BoundedTags(new BoundedTagValues(50), new BoundedTagValues(100),
				new BoundedTagValues(50), new BoundedTagValues(50));
		CallAttributionResolver resolver = new CallAttributionResolver("default", tags.stages(), tags.tenants(), null,
				errors);
		ModelCatalog catalog = new ModelCatalogReader().readBundled();
		ModelCallAccounting accounting = new ModelCallAccounting(catalog, tags.models(), resolver);
		ChatMeters chatMeters = new ChatMeters(meters);
		ChatCallRecorder recorder = new ChatCallRecorder(resolver, tags.models(), chatMeters, errors,
				meters.config().clock(), () -> listeners);
		// LlmObsContextAutoConfiguration
		TokenCounter counter = tokenCounter(CACHE_MAX_SIZE);
		ContextCalibration calibration = new ContextCalibration(CALIBRATION_SMOOTHING);
		ContextAccountant accountant = new ContextAccountant(counter, calibration, catalog);
		observations.observationConfig()
			.observationHandler(new ChatModelMetricsHandler(accounting, chatMeters, new CostTotals(),
					new UnpricedModelWarnings(), errors))
			.observationHandler(new ChatClientMetricsHandler(recorder))
			.observationHandler(new ContextObservationHandler(accountant, accounting, new ContextMeters(meters),
					WARN_RATIO, errors))
			.observationHandler(new PromptObservationHandler(prompts(errors), errors))
			.observationHandler(new FeedbackObservationHandler(
					new Interactions(10_000, Duration.ofHours(1), meters.config().clock()), errors))
			.observationFilter(new ChatSpanEnricher(accounting, errors))
			.observationFilter(new ContextSpanEnricher(accountant, errors))
			.observationFilter(new PromptSpanEnricher(errors));
		return new Instrumentation(new ChatClientStreamAdvisor(recorder), counter);
	}

	/** Prompt identity as {@code LlmObsPromptAutoConfiguration} makes it, without prompt files. */
	private static PromptIdentityResolver prompts(InstrumentationErrors errors) {
		PromptRenders renders = new PromptRenders(10_000);
		PromptRegistry registry = new PromptRegistry(Map.of(), Instant.now(), StTemplateRenderer.builder().build(),
				renders, errors);
		return new PromptIdentityResolver(registry, renders, new PromptInventory(registry, Clock.systemUTC(), 100),
				errors);
	}

	/**
	 * A token counter as {@code LlmObsContextAutoConfiguration} makes it: one daemon tokenizer thread behind a
	 * bounded queue, the default expiry.
	 * @param maximumSize the cache size
	 */
	static TokenCounter tokenCounter(long maximumSize) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("llmobs-tokenizer-");
		threads.setDaemon(true);
		ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(2), threads);
		return new TokenCounter(maximumSize, CACHE_EXPIRE_AFTER_ACCESS, TOKENIZER_QUEUE_CAPACITY, executor);
	}

	/**
	 * What {@link #instrument} wired and the client or the benchmark needs.
	 *
	 * @param advisor the stream advisor to add to the client
	 * @param tokenCounter the token counter, closed when the trial ends
	 */
	record Instrumentation(ChatClientStreamAdvisor advisor, TokenCounter tokenCounter) {

		void close() {
			this.tokenCounter.close();
		}

	}

}
