package io.llmobs.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.TimeWindowMax;
import org.jspecify.annotations.Nullable;

/**
 * Records the context meters. Meters are registered once per tag combination and kept;
 * model and stage are bounded tag values and the sections a closed set. The ratio
 * summaries have no histogram: Micrometer's histograms count whole numbers, so buckets
 * below 1 would stay empty; the threshold counter answers "how many calls above the
 * ratio".
 * <p>
 * Beside the meters, each model and stage keeps the figures of the actuator endpoint
 * ({@link #usage()}): threshold crossings, blocked calls and the largest utilization of
 * the last {@link #RECENT_MINUTES} minutes, recorded with the meters in one lookup.
 */
final class ContextMeters {

	/** How far back the recent maximum utilization reaches. */
	static final int RECENT_MINUTES = 15;

	private static final int RECENT_BUFFERS = 3;

	private static final String MODEL = "model";

	private static final String STAGE = "stage";

	private final MeterRegistry registry;

	private final Map<Series, SeriesMeters> series = new ConcurrentHashMap<>();

	private final Map<String, ModelMeters> models = new ConcurrentHashMap<>();

	/**
	 * Creates the context meters.
	 * @param registry where the meters are registered
	 */
	ContextMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Records the non-empty sections and the utilization of one model call. An empty
	 * section is not recorded, so that a section's count says how many calls carried it
	 * and its mean how large it was when present.
	 * @param model the bounded model tag value
	 * @param stage the bounded stage tag value
	 * @param account the call's accounting
	 * @param thresholdExceeded whether its utilization reached the warn ratio
	 */
	void record(String model, String stage, ContextAccount account, boolean thresholdExceeded) {
		SeriesMeters meters = series(model, stage);
		SectionTokens sections = account.sections();
		for (ContextSection section : ContextSection.all()) {
			long tokens = sections.get(section);
			if (tokens > 0) {
				meters.sections[section.ordinal()].record(tokens);
			}
		}
		Double utilization = account.utilization();
		if (utilization != null) {
			UtilizationMeters utilizationMeters = meters.utilization();
			utilizationMeters.utilization.record(utilization);
			meters.recentMax.record(utilization);
			if (thresholdExceeded) {
				utilizationMeters.thresholdExceeded.increment();
				meters.crossings.increment();
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
	 * @param utilization the utilization it would have had
	 */
	void recordBlocked(String model, String stage, double utilization) {
		SeriesMeters meters = series(model, stage);
		meters.blocked().increment();
		meters.blockedCalls.increment();
		meters.recentMax.record(utilization);
	}

	/**
	 * The endpoint's figures per model and stage.
	 * @return one entry per model and stage with a known window or a blocked call
	 */
	List<ContextStats.Usage> usage() {
		List<ContextStats.Usage> usage = new ArrayList<>(this.series.size());
		this.series.forEach((key, meters) -> {
			if (meters.utilization != null || meters.blocked != null) {
				usage.add(new ContextStats.Usage(key.model(), key.stage(), meters.crossings.sum(),
						meters.blockedCalls.sum(), meters.recentMax.poll()));
			}
		});
		return usage;
	}

	private SeriesMeters series(String model, String stage) {
		SeriesMeters meters = this.series.get(new Series(model, stage));
		return (meters != null) ? meters : this.series.computeIfAbsent(new Series(model, stage), SeriesMeters::new);
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

	/**
	 * A model and stage. Equality and hash are written out: a record's own go through
	 * method handles that the JIT left un-inlined under the map look-up of every call.
	 */
	private record Series(String model, String stage) {

		@Override
		public boolean equals(@Nullable Object other) {
			return this == other
					|| (other instanceof Series that && this.model.equals(that.model) && this.stage.equals(that.stage));
		}

		@Override
		public int hashCode() {
			return 31 * this.model.hashCode() + this.stage.hashCode();
		}

	}

	/**
	 * The meters of one model and stage; utilization only once a call to a model with a
	 * known window was seen, the blocked counter only once the guard refused a call.
	 */
	private final class SeriesMeters {

		private final Series key;

		private final DistributionSummary[] sections = new DistributionSummary[ContextSection.all().length];

		private final TimeWindowMax recentMax = new TimeWindowMax(ContextMeters.this.registry.config().clock(),
				RECENT_MINUTES * 60_000L / RECENT_BUFFERS, RECENT_BUFFERS);

		private final LongAdder crossings = new LongAdder();

		private final LongAdder blockedCalls = new LongAdder();

		private volatile @Nullable UtilizationMeters utilization;

		private volatile @Nullable Counter blocked;

		SeriesMeters(Series key) {
			this.key = key;
			for (ContextSection section : ContextSection.all()) {
				this.sections[section.ordinal()] = DistributionSummary.builder(ContextMetricNames.TOKENS)
					.description("Estimated prompt tokens per section and model call")
					.baseUnit("tokens")
					.tags(MODEL, key.model(), STAGE, key.stage(), "section", section.tagValue())
					.register(ContextMeters.this.registry);
			}
		}

		// Registration is idempotent in Micrometer, so a race registers the same meters
		// twice.
		UtilizationMeters utilization() {
			UtilizationMeters meters = this.utilization;
			if (meters == null) {
				meters = new UtilizationMeters(this.key);
				this.utilization = meters;
			}
			return meters;
		}

		Counter blocked() {
			Counter counter = this.blocked;
			if (counter == null) {
				counter = Counter.builder(ContextMetricNames.BLOCKED)
					.description(
							"Calls refused before sending because their utilization was above llmobs.context.block-ratio")
					.tags(MODEL, this.key.model(), STAGE, this.key.stage())
					.register(ContextMeters.this.registry);
				this.blocked = counter;
			}
			return counter;
		}

	}

	/** The utilization and its threshold crossings (from zero) of one model and stage. */
	private final class UtilizationMeters {

		private final DistributionSummary utilization;

		private final Counter thresholdExceeded;

		UtilizationMeters(Series key) {
			this.utilization = DistributionSummary.builder(ContextMetricNames.UTILIZATION)
				.description("Estimated prompt tokens over the model's context window, per model call")
				.tags(MODEL, key.model(), STAGE, key.stage())
				.register(ContextMeters.this.registry);
			this.thresholdExceeded = Counter.builder(ContextMetricNames.THRESHOLD_EXCEEDED)
				.description("Model calls whose context utilization reached llmobs.context.warn-ratio")
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
				.description(
						"Absolute relative error of the calibrated prompt-token estimate against the provider's count")
				.tags(MODEL, model)
				.register(ContextMeters.this.registry);
			this.windowUnknown = Counter.builder(ContextMetricNames.WINDOW_UNKNOWN)
				.description("Model calls to a model whose context window is unknown, so no utilization was recorded")
				.tags(MODEL, model)
				.register(ContextMeters.this.registry);
		}

	}

}
