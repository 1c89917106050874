package io.llmobs.tool;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.SpanPresence;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * Adds the semantic-convention tool attributes and the guard's outcome and breaker state
 * to Spring AI's tool spans ({@code execute_tool <name>}) when they stop, and the
 * {@code error.type} of a call that did not succeed (whose span the guard ended with an
 * error).
 */
final class ToolSpanEnricher implements ObservationFilter {

	private final InstrumentationErrors errors;

	/**
	 * Creates the filter.
	 * @param errors where failures inside llmobs are reported
	 */
	ToolSpanEnricher(InstrumentationErrors errors) {
		this.errors = errors.register(ToolGuard.COMPONENT);
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		if (context instanceof ToolCallingObservationContext tool && SpanPresence.hasSpan(context)) {
			this.errors.run(ToolGuard.COMPONENT, tool, ToolSpanEnricher::enrich);
		}
		return context;
	}

	private static void enrich(ToolCallingObservationContext context) {
		context.addHighCardinalityKeyValue(KeyValue.of(ToolNames.TOOL_NAME, context.getToolDefinition().name()));
		String callId = ToolCallingOptions.toolCallId(context);
		if (callId != null && !callId.isEmpty()) {
			context.addHighCardinalityKeyValue(KeyValue.of(ToolNames.TOOL_CALL_ID, callId));
		}
		ToolCallRecord record = context.get(ToolCallRecord.class);
		if (record != null) {
			context.addHighCardinalityKeyValue(KeyValue.of(ToolNames.OUTCOME, record.outcome().tagValue()));
			if (record.circuitBreakerState() != null) {
				context.addHighCardinalityKeyValue(
						KeyValue.of(ToolNames.CIRCUIT_BREAKER_STATE, record.circuitBreakerState()));
			}
			if (record.errorType() != null) {
				context.addHighCardinalityKeyValue(KeyValue.of(ToolNames.ERROR_TYPE, record.errorType()));
			}
		}
	}

}
