package io.llmobs.context;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.SpanAttributeKey;
import io.llmobs.core.SpanAttributeWriter;
import io.llmobs.core.SpanPresence;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Adds the context accounting to Spring AI's model-call spans when they stop: the tokens
 * of each non-empty section and the utilization, so a trace shows the budget filling
 * iteration by iteration. Written on the span ({@link SpanAttributeWriter}), never as
 * tags of Spring AI's metrics.
 */
final class ContextSpanEnricher implements ObservationFilter {

	private static final SpanAttributeKey UTILIZATION = SpanAttributeKey.of(ContextSpanAttributes.UTILIZATION);

	private final ContextAccountant accountant;

	private final InstrumentationErrors errors;

	/**
	 * Creates the filter.
	 * @param accountant the context accountant shared with the metrics
	 * @param errors where failures inside llmobs are reported
	 */
	ContextSpanEnricher(ContextAccountant accountant, InstrumentationErrors errors) {
		this.accountant = accountant;
		this.errors = errors.register(ContextAccountant.COMPONENT);
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		if (context instanceof ChatModelObservationContext modelContext && SpanPresence.hasSpan(context)) {
			this.errors.run(ContextAccountant.COMPONENT, this, modelContext, ContextSpanEnricher::enrich);
		}
		return context;
	}

	private void enrich(ChatModelObservationContext context) {
		ContextAccount account = this.accountant.account(context);
		SectionTokens sections = account.sections();
		for (ContextSection section : ContextSection.all()) {
			long tokens = sections.get(section);
			// An absent section is an empty one: fewer attributes on every span.
			if (tokens > 0) {
				SpanAttributeWriter.set(context, section.spanAttributeKey(), tokens);
			}
		}
		Double utilization = account.utilization();
		if (utilization != null) {
			SpanAttributeWriter.set(context, UTILIZATION, utilization.doubleValue());
		}
	}

}
