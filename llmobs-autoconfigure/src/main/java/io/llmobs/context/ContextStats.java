package io.llmobs.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.distribution.TimeWindowMax;

/**
 * What the actuator endpoint shows of the context accounting: per model and stage the threshold crossings, blocked
 * calls and the largest utilization of the last {@link #RECENT_MINUTES} minutes; per model the calibration; and the
 * state of the token cache.
 */
public final class ContextStats {

	/** How far back "recent" reaches. */
	static final int RECENT_MINUTES = 15;

	private static final int RECENT_BUFFERS = 3;

	private final Clock clock;

	private final ContextCalibration calibration;

	private final TokenCounter counter;

	private final Map<Key, Figures> figures = new ConcurrentHashMap<>();

	/**
	 * Creates the statistics.
	 * @param clock the clock of the recent maximum
	 * @param calibration the calibration to show
	 * @param counter the token counter whose cache to show
	 */
	public ContextStats(Clock clock, ContextCalibration calibration, TokenCounter counter) {
		this.clock = clock;
		this.calibration = calibration;
		this.counter = counter;
	}

	void recordUtilization(String model, String stage, double utilization, boolean thresholdExceeded) {
		Figures figures = figures(model, stage);
		figures.recentMax.record(utilization);
		if (thresholdExceeded) {
			figures.crossings.increment();
		}
	}

	void recordBlocked(String model, String stage, double utilization) {
		Figures figures = figures(model, stage);
		figures.recentMax.record(utilization);
		figures.blocked.increment();
	}

	/**
	 * The current figures.
	 * @return usage, calibration and cache
	 */
	public Snapshot snapshot() {
		return new Snapshot(usage(), this.calibration.snapshot(), new CacheState(this.counter.cachedTexts(),
				this.counter.pendingTexts(), this.counter.droppedTexts()));
	}

	private List<Usage> usage() {
		List<Usage> usage = new ArrayList<>();
		this.figures.forEach((key, figures) -> usage.add(new Usage(key.model(), key.stage(),
				figures.crossings.sum(), figures.blocked.sum(), figures.recentMax.poll())));
		usage.sort(Comparator.comparingDouble(Usage::recentMaxUtilization).reversed());
		return usage;
	}

	private Figures figures(String model, String stage) {
		return this.figures.computeIfAbsent(new Key(model, stage), (key) -> new Figures(this.clock));
	}

	/**
	 * The context figures of one model and stage.
	 *
	 * @param model the model tag value
	 * @param stage the stage tag value
	 * @param thresholdCrossings model calls at or above the warn ratio since start
	 * @param blocked calls refused by the block guard since start
	 * @param recentMaxUtilization the largest utilization of the last 15 minutes (0 when none)
	 */
	public record Usage(String model, String stage, long thresholdCrossings, long blocked,
			double recentMaxUtilization) {
	}

	/**
	 * The context accounting at one moment.
	 *
	 * @param usage per model and stage, highest recent utilization first
	 * @param calibration per requested model
	 * @param cache the token cache
	 */
	public record Snapshot(List<Usage> usage, Map<String, ContextCalibration.ModelCalibration.Snapshot> calibration,
			CacheState cache) {
	}

	/**
	 * The state of the token cache.
	 *
	 * @param texts texts whose count is cached
	 * @param pending texts waiting for the background tokenizer
	 * @param dropped texts the background tokenizer had no room for since start (they were estimated)
	 */
	public record CacheState(long texts, int pending, long dropped) {
	}

	private record Key(String model, String stage) {
	}

	private static final class Figures {

		private final LongAdder crossings = new LongAdder();

		private final LongAdder blocked = new LongAdder();

		private final TimeWindowMax recentMax;

		Figures(Clock clock) {
			this.recentMax = new TimeWindowMax(clock, RECENT_MINUTES * 60_000L / RECENT_BUFFERS, RECENT_BUFFERS);
		}

	}

}
