package io.llmobs.context;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the actuator endpoint shows of the context accounting: per model and stage the
 * threshold crossings, blocked calls and the largest utilization of the last
 * {@value ContextMeters#RECENT_MINUTES} minutes; per model the calibration; and the state
 * of the token cache.
 */
public final class ContextStats {

	private final ContextMeters meters;

	private final ContextCalibration calibration;

	private final TokenCounter counter;

	/**
	 * Creates the statistics.
	 * @param meters the context meters, which keep the figures per model and stage
	 * @param calibration the calibration to show
	 * @param counter the token counter whose cache to show
	 */
	ContextStats(ContextMeters meters, ContextCalibration calibration, TokenCounter counter) {
		this.meters = meters;
		this.calibration = calibration;
		this.counter = counter;
	}

	/**
	 * The current figures.
	 * @return usage, calibration and cache
	 */
	public Snapshot snapshot() {
		List<Usage> usage = this.meters.usage();
		usage.sort(Comparator.comparingDouble(Usage::recentMaxUtilization).reversed());
		return new Snapshot(usage, this.calibration.snapshot(),
				new CacheState(this.counter.cachedTexts(), this.counter.pendingTexts(), this.counter.droppedTexts()));
	}

	/**
	 * The context figures of one model and stage.
	 *
	 * @param model the model tag value
	 * @param stage the stage tag value
	 * @param thresholdCrossings model calls at or above the warn ratio since start
	 * @param blocked calls refused by the block guard since start
	 * @param recentMaxUtilization the largest utilization of the last 15 minutes (0 when
	 * none)
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
	 * @param dropped texts the background tokenizer had no room for since start (they
	 * were estimated)
	 */
	public record CacheState(long texts, int pending, long dropped) {
	}

}
