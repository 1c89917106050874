package io.llmobs.context;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

import io.llmobs.chat.LlmObsAdvisor;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.CallAttributionResolver;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.cost.ModelCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * The context-window accounting, built once from its settings and collaborators: hands
 * out its observation handler, span filter and block guard as the types Micrometer and
 * Spring AI take, so that the token counter, meters and calibration stay inside this
 * package. Closing it stops the background tokenizer.
 */
public final class ContextInstrumentation implements AutoCloseable {

	private final TokenCounter counter;

	private final ContextAccountant accountant;

	private final ContextMeters meters;

	private final ContextStats stats;

	private final InstrumentationErrors errors;

	private final ObservationHandler<ChatModelObservationContext> observationHandler;

	private final ObservationFilter spanEnricher;

	/**
	 * Creates the accounting.
	 * @param settings the cache, tokenizer, calibration and threshold settings
	 * @param tokenizer where texts are tokenized in the background, one task at a time;
	 * shut down on close
	 * @param catalog where context windows are looked up
	 * @param modelCalls the chat instrumentation's accounting of model calls
	 * @param errors where failures inside llmobs are reported
	 * @param meterRegistry where the context meters are registered
	 */
	public ContextInstrumentation(Settings settings, ExecutorService tokenizer, ModelCatalog catalog,
			ModelCallAccounting modelCalls, InstrumentationErrors errors, MeterRegistry meterRegistry) {
		this.counter = new TokenCounter(settings.cacheMaxSize(), settings.cacheExpireAfterAccess(),
				settings.tokenizerQueueCapacity(), tokenizer);
		ContextCalibration calibration = new ContextCalibration(settings.calibrationSmoothing());
		this.accountant = new ContextAccountant(this.counter, calibration, catalog);
		this.meters = new ContextMeters(meterRegistry);
		this.stats = new ContextStats(this.meters, calibration, this.counter);
		this.errors = errors;
		this.observationHandler = new ContextObservationHandler(this.accountant, modelCalls, this.meters,
				settings.warnRatio(), errors);
		this.spanEnricher = new ContextSpanEnricher(this.accountant, errors);
	}

	/**
	 * The accountant, for what reads the accounting of a call outside the observations
	 * (benchmarks of its cost).
	 * @return the accountant
	 */
	public ContextAccountant accountant() {
		return this.accountant;
	}

	/**
	 * What the actuator endpoint shows of the accounting.
	 * @return the statistics
	 */
	public ContextStats stats() {
		return this.stats;
	}

	/**
	 * Counts the sections of every model call at its start and records the context meters
	 * at its stop.
	 * @return the handler of model-call observations
	 */
	public ObservationHandler<ChatModelObservationContext> observationHandler() {
		return this.observationHandler;
	}

	/**
	 * Adds the section counts and the utilization to model-call spans.
	 * @return the filter
	 */
	public ObservationFilter spanEnricher() {
		return this.spanEnricher;
	}

	/**
	 * Creates the opt-in guard that fails a call before it is sent when its prompt fills
	 * the window above a ratio.
	 * @param blockRatio the utilization above which calls are refused
	 * @param attributionResolver resolves stage and tenant of refused calls
	 * @param models bounded model tag values
	 * @return the advisor, to add to every instrumented builder
	 */
	public LlmObsAdvisor blockGuard(double blockRatio, CallAttributionResolver attributionResolver,
			BoundedTagValues models) {
		return new ContextGuardAdvisor(this.accountant, blockRatio, attributionResolver, models, this.meters,
				this.errors);
	}

	/** Stops the background tokenizer. */
	@Override
	public void close() {
		this.counter.close();
	}

	/**
	 * The settings of the accounting.
	 *
	 * @param cacheMaxSize texts whose token count is kept
	 * @param cacheExpireAfterAccess how long an unused count is kept
	 * @param tokenizerQueueCapacity texts waiting for the background tokenizer before new
	 * ones are only estimated
	 * @param calibrationSmoothing weight of the newest sample in the per-model
	 * calibration, in (0, 1]
	 * @param warnRatio the utilization that counts as a threshold crossing
	 */
	public record Settings(long cacheMaxSize, Duration cacheExpireAfterAccess, int tokenizerQueueCapacity,
			double calibrationSmoothing, double warnRatio) {
	}

}
