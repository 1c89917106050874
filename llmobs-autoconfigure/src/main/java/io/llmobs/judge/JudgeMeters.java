package io.llmobs.judge;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

import io.llmobs.core.CallPrompt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

/**
 * Records the judge's meters: evaluations by outcome (all registered up front, so that a
 * drop shows as a rise from zero), scores by criterion, stage and judged model, and the
 * queue's depth.
 */
final class JudgeMeters {

	private final MeterRegistry registry;

	private final Map<JudgeOutcome, Counter> evaluations = new EnumMap<>(JudgeOutcome.class);

	private final Map<ScoreSeries, DistributionSummary> scores = new ConcurrentHashMap<>();

	/**
	 * Creates the meters.
	 * @param registry where the meters are registered
	 */
	JudgeMeters(MeterRegistry registry) {
		this.registry = registry;
		for (JudgeOutcome outcome : JudgeOutcome.values()) {
			this.evaluations.put(outcome,
					Counter.builder(JudgeMetricNames.EVALUATIONS)
						.description("Calls chosen for judging, by what became of them")
						.tag("outcome", outcome.tagValue())
						.register(registry));
		}
	}

	void queue(BlockingQueue<?> queue) {
		Gauge.builder(JudgeMetricNames.QUEUE, queue, BlockingQueue::size)
			.description("Judgements waiting for the judge")
			.register(this.registry);
	}

	void evaluation(JudgeOutcome outcome) {
		Objects.requireNonNull(this.evaluations.get(outcome)).increment();
	}

	/**
	 * Evaluations so far by outcome.
	 * @return the count of each outcome
	 */
	Map<String, Long> evaluations() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.evaluations.forEach((outcome, counter) -> counts.put(outcome.tagValue(), (long) counter.count()));
		return counts;
	}

	/**
	 * Records one score.
	 * @param prompt the judged call's prompt tags, {@code null} when the meters carry
	 * none
	 */
	void score(String criterion, String stage, String model, @Nullable CallPrompt prompt, double score) {
		this.scores
			.computeIfAbsent(new ScoreSeries(criterion, stage, model, prompt),
					(series) -> DistributionSummary.builder(JudgeMetricNames.SCORE)
						.description("Judge scores from 0 to 1")
						.tags(Tags.of("criterion", criterion, "stage", stage, "model", model))
						.tags((prompt != null) ? prompt.tags() : Tags.empty())
						.maximumExpectedValue(1.0)
						.register(this.registry))
			.record(score);
	}

	private record ScoreSeries(String criterion, String stage, String model, @Nullable CallPrompt prompt) {
	}

}
