package io.llmobs.conversation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records {@code llmobs.conversation.history.ratio} by model and stage: bounded tag
 * values only, never the conversation.
 */
final class ConversationMeters {

	private final MeterRegistry registry;

	private final Map<Series, DistributionSummary> historyRatios = new ConcurrentHashMap<>();

	ConversationMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	void historyRatio(String model, String stage, double ratio) {
		this.historyRatios.computeIfAbsent(new Series(model, stage), this::historyRatioSummary).record(ratio);
	}

	private DistributionSummary historyRatioSummary(Series series) {
		return DistributionSummary.builder(ConversationMetricNames.HISTORY_RATIO)
			.description("Share of the context window that a conversation's history fills, per model call")
			.tags("model", series.model(), "stage", series.stage())
			.serviceLevelObjectives(0.25, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
			.register(this.registry);
	}

	private record Series(String model, String stage) {
	}

}
