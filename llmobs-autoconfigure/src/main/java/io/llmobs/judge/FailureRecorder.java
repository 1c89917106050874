package io.llmobs.judge;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.llmobs.core.BoundedTagValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts failures in {@code llmobs.failures{category, stage}}: those the judge names and
 * those llmobs knows without one (guardrail blocks among them). Other parts of an
 * application report the failures they know (a search that found nothing) here too.
 */
public final class FailureRecorder {

	private final MeterRegistry registry;

	private final BoundedTagValues stages;

	private final Map<String, Map<FailureCategory, Counter>> counters = new ConcurrentHashMap<>();

	/**
	 * Creates the recorder.
	 * @param registry where the counters are registered
	 * @param stages bounded stage tag values
	 */
	FailureRecorder(MeterRegistry registry, BoundedTagValues stages) {
		this.registry = registry;
		this.stages = stages;
	}

	/**
	 * Counts one failure.
	 * @param category why the answer failed
	 * @param stage the pipeline stage where it failed; bounded like every stage tag
	 */
	public void record(FailureCategory category, String stage) {
		String boundedStage = this.stages.bound(stage);
		this.counters.computeIfAbsent(boundedStage, (key) -> new EnumMap<>(FailureCategory.class))
			.computeIfAbsent(category,
					(key) -> Counter.builder(JudgeMetricNames.FAILURES)
						.description("Failed answers by the category of their failure")
						.tag("category", category.tagValue())
						.tag("stage", boundedStage)
						.register(this.registry))
			.increment();
	}

}
