package io.llmobs.mcp;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of the observation of an MCP tool call handled by this
 * application's server; declare a bean to replace
 * {@link DefaultMcpToolCallObservationConvention}.
 */
public interface McpToolCallObservationConvention extends ObservationConvention<McpToolCallObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof McpToolCallObservationContext;
	}

}
