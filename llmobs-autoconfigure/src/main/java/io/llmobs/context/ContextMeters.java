package io.llmobs.context;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records the context meters. Meters are registered once per tag combination and kept; model and stage are bounded
 * tag values and the sections a closed set.
 */
public final class ContextMeters {

	/** Bucket bounds of the utilization histogram, so PromQL can count calls above a fill ratio. */
	private static final double[] UTILIZATION_BUCKETS = { 0.1, 0.25, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0 };

	/** Bucket bounds of the estimate-error histogram: within 1%, 2%, 3%... */
	private static final double[] ERROR_BUCKETS = { 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.5 };

	private static final String MODEL = "model";

	private static final String STAGE = "stage";

	private final MeterRegistry registry;

	private final Map<Series, SeriesMeters> series = new ConcurrentHashMap<>();

	private final Map<String, ModelMeters> models = new ConcurrentHashMap<>();

	/**
	 * Creates the context meters.
	 * @param registry where the meters are registered
	 */
	public ContextMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Records the sections and utilization of one model call.
	 * @param model the bounded model tag value
	 * @param stage the bounded stage tag value
	 * @param account the call's accounting
	 * @param thresholdExceeded whether its utilization reached the warn ratio
	 */
	void record(String model, String stage, ContextAccount account, boolean thresholdExceeded) {
		SeriesMeters meters = this.series.computeIfAbsent(new Series(model, stage), SeriesMeters::new);
		SectionTokens sections = account.sections();
		for (ContextSection section : ContextSection.all()) {
			meters.sections[section.ordinal()].record(sections.get(section));
		}
		Double utilization = account.utilization();
		if (utilization != null) {
			meters.utilization.record(utilization);
			if (thresholdExceeded) {
				meters.thresholdExceeded.increment();
			}
		}
		else {
			modelMeters(model).windowUnknown.increment();
		}
	}

	/**
	 * Records a call that the block guard refused.
	 * @param model the bounded model tag value
	 * @param stage the bounded stage tag value
	 */
	void recordBlocked(String model, String stage) {
		this.series.computeIfAbsent(new Series(model, stage), SeriesMeters::new).blocked.increment();
	}

	/**
	 * Records the error of a calibrated estimate.
	 * @param model the bounded model tag value
	 * @param error the absolute relative error
	 */
	void recordEstimateError(String model, double error) {
		modelMeters(model).estimateError.record(error);
	}

	private ModelMeters modelMeters(String model) {
		return this.models.computeIfAbsent(model, ModelMeters::new);
	}

	private record Series(String model, String stage) {
	}

	/** The meters of one model and stage. */
	private final class SeriesMeters {

		private final DistributionSummary[] sections = new DistributionSummary[ContextSection.all().length];

		private final DistributionSummary utilization;

		private final Counter thresholdExceeded;

		private final Counter blocked;

		SeriesMeters(Series key) {
			for (ContextSection section : ContextSection.all()) {
				this.sections[section.ordinal()] = DistributionSummary.builder(ContextMetricNames.TOKENS)
					.description("Estimated prompt tokens per section and model call")
					.baseUnit("tokens")
					.tags(MODEL, key.model(), STAGE, key.stage(), "section", section.tagValue())
					.register(ContextMeters.this.registry);
			}
			this.utilization = DistributionSummary.builder(ContextMetricNames.UTILIZATION)
				.description("Estimated prompt tokens over the model's context window, per model call")
				.tags(MODEL, key.model(), STAGE, key.stage())
				.serviceLevelObjectives(UTILIZATION_BUCKETS)
				.register(ContextMeters.this.registry);
			this.thresholdExceeded = Counter.builder(ContextMetricNames.THRESHOLD_EXCEEDED)
				.description("Model calls whose context utilization reached llmobs.context.warn-ratio")
				.tags(MODEL, key.model(), STAGE, key.stage())
				.register(ContextMeters.this.registry);
			this.blocked = Counter.builder(ContextMetricNames.BLOCKED)
				.description("Calls refused before sending because their utilization was above llmobs.context.block-ratio")
				.tags(MODEL, key.model(), STAGE, key.stage())
				.register(ContextMeters.this.registry);
		}

	}

	/** The meters of one model. */
	private final class ModelMeters {

		private final DistributionSummary estimateError;

		private final Counter windowUnknown;

		ModelMeters(String model) {
			this.estimateError = DistributionSummary.builder(ContextMetricNames.ESTIMATE_ERROR)
				.description("Absolute relative error of the calibrated prompt-token estimate against the provider's count")
				.tags(MODEL, model)
				.serviceLevelObjectives(ERROR_BUCKETS)
				.register(ContextMeters.this.registry);
			this.windowUnknown = Counter.builder(ContextMetricNames.WINDOW_UNKNOWN)
				.description("Model calls to a model whose context window is unknown, so no utilization was recorded")
				.tags(MODEL, model)
				.register(ContextMeters.this.registry);
		}

	}

}
