package io.llmobs.judge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code llmobs.judge.drift{criterion, stage}}: the mean of the latest scores minus the
 * baseline's mean, so that a model that got worse on the provider's side shows as a
 * falling line. A series exists once its criterion and stage have a baseline mean and a
 * first live score.
 */
final class JudgeDrift {

	private final MeterRegistry registry;

	private final JudgeBaseline baseline;

	private final int window;

	private final Map<Series, RollingMean> means = new ConcurrentHashMap<>();

	/**
	 * Creates the drift gauges.
	 * @param registry where the gauges are registered
	 * @param baseline the baseline means
	 * @param window how many of the latest scores the rolling mean covers
	 */
	JudgeDrift(MeterRegistry registry, JudgeBaseline baseline, int window) {
		this.registry = registry;
		this.baseline = baseline;
		this.window = window;
	}

	/**
	 * Adds a live score.
	 * @param criterion the criterion (bounded by the rubric)
	 * @param stage the stage (bounded)
	 * @param score the score
	 */
	void record(String criterion, String stage, double score) {
		Double baselineMean = this.baseline.mean(criterion, stage);
		if (baselineMean == null) {
			return;
		}
		this.means.computeIfAbsent(new Series(criterion, stage), (series) -> {
			RollingMean mean = new RollingMean(this.window);
			Gauge.builder(JudgeMetricNames.DRIFT, mean, (rolling) -> rolling.mean() - baselineMean)
				.description("Rolling mean judge score minus the regression gate's baseline mean")
				.tag("criterion", criterion)
				.tag("stage", stage)
				.strongReference(true)
				.register(this.registry);
			return mean;
		}).add(score);
	}

	private record Series(String criterion, String stage) {
	}

	/** The mean of the latest scores, in a ring. */
	static final class RollingMean {

		private final double[] values;

		private int count;

		private int next;

		private double sum;

		RollingMean(int window) {
			this.values = new double[window];
		}

		synchronized void add(double value) {
			if (this.count == this.values.length) {
				this.sum -= this.values[this.next];
			}
			else {
				this.count++;
			}
			this.values[this.next] = value;
			this.sum += value;
			this.next = (this.next + 1) % this.values.length;
		}

		synchronized double mean() {
			return (this.count > 0) ? this.sum / this.count : Double.NaN;
		}

	}

}
